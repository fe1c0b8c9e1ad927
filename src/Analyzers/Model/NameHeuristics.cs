using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Residency.Analyzers.Model
{
    /// <summary>A category guessed from a member's name.</summary>
    internal sealed record InferredCategory(string Category, string? SpecialCategory, string Keyword);

    /// <summary>
    /// Name-based discovery of likely personal data (RES006 and <c>ResidencyInferPersonalData</c>): English, German,
    /// French, Spanish and Italian spellings, mapped to fideslang categories, with exclusions for names that merely
    /// mention a kind of data (<c>EmailTemplateId</c>, <c>PhoneNumberConfirmed</c>, <c>AddressFormat</c>).
    /// </summary>
    internal sealed class NameHeuristics
    {
        // Order matters: the first rule whose keyword matches wins (specific before general).
        private static readonly (string Keyword, string Category, bool WholeWord)[] Rules =
        {
            ("ipaddress", "device.ip_address", false), ("clientip", "device.ip_address", false), ("remoteip", "device.ip_address", false), ("ipaddr", "device.ip_address", false),
            ("emailaddress", "contact.email", false), ("email", "contact.email", false), ("mail", "contact.email", true), ("courriel", "contact.email", false), ("correo", "contact.email", false),
            ("phonenumber", "contact.phone_number", false), ("phone", "contact.phone_number", false), ("mobile", "contact.phone_number", true), ("telephone", "contact.phone_number", false),
            ("telefon", "contact.phone_number", false), ("telefono", "contact.phone_number", false), ("cellphone", "contact.phone_number", false), ("handynummer", "contact.phone_number", false),
            ("firstname", "name.first", false), ("givenname", "name.first", false), ("forename", "name.first", false), ("vorname", "name.first", false), ("prenom", "name.first", false),
            ("lastname", "name.last", false), ("surname", "name.last", false), ("familyname", "name.last", false), ("nachname", "name.last", false), ("nomdefamille", "name.last", false),
            ("apellido", "name.last", false), ("cognome", "name.last", false),
            ("fullname", "name", false), ("customername", "name", false), ("personname", "name", false), ("contactname", "name", false), ("nombrecompleto", "name", false), ("nomcomplet", "name", false),
            ("dateofbirth", "demographic.date_of_birth", false), ("birthdate", "demographic.date_of_birth", false), ("birthday", "demographic.date_of_birth", false), ("dob", "demographic.date_of_birth", true),
            ("geburtsdatum", "demographic.date_of_birth", false), ("datedenaissance", "demographic.date_of_birth", false), ("fechadenacimiento", "demographic.date_of_birth", false),
            ("datadinascita", "demographic.date_of_birth", false),
            ("iban", "financial.bank_account", false), ("bankaccount", "financial.bank_account", false), ("kontonummer", "financial.bank_account", false),
            ("cardnumber", "financial.credit_card", false), ("creditcard", "financial.credit_card", false), ("kreditkarte", "financial.credit_card", false),
            ("passportnumber", "government_id.passport_number", false), ("passport", "government_id.passport_number", false), ("reisepass", "government_id.passport_number", false),
            ("passeport", "government_id.passport_number", false), ("pasaporte", "government_id.passport_number", false), ("passaporto", "government_id.passport_number", false),
            ("nationalid", "government_id.national_identification_number", false), ("socialsecurity", "government_id.national_identification_number", false),
            ("ssn", "government_id.national_identification_number", true), ("taxid", "government_id.national_identification_number", false),
            ("steuerid", "government_id.national_identification_number", false), ("personalausweis", "government_id.national_identification_number", false),
            ("codicefiscale", "government_id.national_identification_number", false), ("dni", "government_id.national_identification_number", true),
            ("driverslicense", "government_id.drivers_license_number", false), ("drivinglicence", "government_id.drivers_license_number", false),
            ("streetaddress", "contact.address.street", false), ("addressline", "contact.address.street", false), ("street", "contact.address.street", false), ("strasse", "contact.address.street", false),
            ("straße", "contact.address.street", false), ("homeaddress", "contact.address", false), ("postaladdress", "contact.address", false), ("address", "contact.address", true),
            ("adresse", "contact.address", true), ("direccion", "contact.address", true), ("indirizzo", "contact.address", true),
            ("postcode", "contact.address.postal_code", false), ("postalcode", "contact.address.postal_code", false), ("zipcode", "contact.address.postal_code", false),
            ("zip", "contact.address.postal_code", true), ("plz", "contact.address.postal_code", true), ("postleitzahl", "contact.address.postal_code", false), ("codepostal", "contact.address.postal_code", false),
            ("codigopostal", "contact.address.postal_code", false),
            ("latitude", "location.precise", false), ("longitude", "location.precise", false), ("geolocation", "location.precise", false), ("geoposition", "location.precise", false),
        };

        private static readonly string[] ExcludedWords =
        {
            "template", "format", "formatter", "confirmed", "verified", "verification", "enabled", "disabled", "validation", "validator", "regex", "pattern",
            "count", "type", "kind", "provider", "settings", "setting", "options", "config", "configuration", "label", "placeholder", "policy", "mask", "length",
            "required", "visible", "allowed", "changed", "sent", "status", "subject", "body", "queue", "server", "service", "host", "port", "sender", "hash", "token",
            "key", "field", "column", "index", "prefix", "suffix", "domain",
        };

        private static readonly string[] ExcludedPrefixes = { "is", "has", "can", "should", "allow", "use", "enable", "require", "show", "max", "min" };

        /// <summary>The inferred category of a property, field or parameter of a data-carrying type, or null.</summary>
        public InferredCategory? Classify(ISymbol symbol)
        {
            var type = symbol switch
            {
                IPropertySymbol p => p.Type,
                IFieldSymbol f => f.Type,
                IParameterSymbol p => p.Type,
                _ => null,
            };
            if (type is null || !IsScalarDataType(type))
            {
                return null;
            }

            return ClassifyName(symbol.Name);
        }

        /// <summary>The category for a member name, or null (used for Identity's <c>[PersonalData]</c>, which has none).</summary>
        public static string? CategoryForName(string name) => ClassifyName(name)?.Category;

        /// <summary>Classifies a name alone, applying the exclusions.</summary>
        public static InferredCategory? ClassifyName(string name)
        {
            var words = SplitWords(name);
            if (words.Count == 0)
            {
                return null;
            }

            foreach (var prefix in ExcludedPrefixes)
            {
                if (words[0] == prefix && words.Count > 1)
                {
                    return null;
                }
            }

            foreach (var word in words)
            {
                if (Array.IndexOf(ExcludedWords, word) >= 0)
                {
                    return null;
                }
            }

            var compact = string.Concat(words);
            var last = words[words.Count - 1];
            foreach (var (keyword, category, wholeWord) in Rules)
            {
                bool matches = wholeWord ? words.Contains(keyword) : compact.Contains(keyword);
                if (!matches)
                {
                    continue;
                }

                // "EmailId", "AddressIds" name a reference to the data, not the data itself ("NationalId" is the data).
                if ((last == "id" || last == "ids") && !keyword.EndsWith("id", StringComparison.Ordinal))
                {
                    return null;
                }

                return new InferredCategory(category, null, keyword);
            }

            return null;
        }

        private static bool IsScalarDataType(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                case SpecialType.System_Char:
                case SpecialType.System_Int32:
                case SpecialType.System_Int64:
                case SpecialType.System_Decimal:
                case SpecialType.System_Double:
                case SpecialType.System_Single:
                case SpecialType.System_DateTime:
                    return true;
                case SpecialType.System_Boolean:
                    return false;
            }

            return type.TypeKind != TypeKind.Enum && type.Name is "DateOnly" or "DateTimeOffset" or "IPAddress" or "MailAddress";
        }

        /// <summary>Splits PascalCase, camelCase, snake_case and kebab-case into lower-case words.</summary>
        internal static List<string> SplitWords(string name)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (c == '_' || c == '-' || c == '@' || char.IsDigit(c))
                {
                    Flush();
                    continue;
                }

                bool boundary = char.IsUpper(c) && current.Length > 0 &&
                    (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
                if (boundary)
                {
                    Flush();
                }

                current.Append(char.ToLowerInvariant(c));
            }

            Flush();
            return words;

            void Flush()
            {
                if (current.Length > 0)
                {
                    words.Add(current.ToString());
                    current.Clear();
                }
            }
        }
    }
}
