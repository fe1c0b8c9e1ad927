using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Residency.Analyzers.Model
{
    /// <summary>
    /// A category guessed from a member's name. For special-category data (<see cref="SpecialCategory"/> set),
    /// <see cref="Category"/> is the same Art. 9/10 key.
    /// </summary>
    internal sealed record InferredCategory(string Category, string? SpecialCategory, string Keyword);

    /// <summary>
    /// Name-based discovery of likely personal data (RES006 and <c>ResidencyInferPersonalData</c>): English, German,
    /// French, Spanish and Italian spellings, mapped to fideslang categories, with exclusions for names that merely
    /// mention a kind of data (<c>EmailTemplateId</c>, <c>PhoneNumberConfirmed</c>, <c>AddressFormat</c>).
    /// </summary>
    /// <remarks>
    /// A name is split into lower-case words (PascalCase, camelCase, snake_case; accents folded, ß → ss). A keyword
    /// matches when the words, joined from a word boundary, start with it (<c>UserEmail</c>, <c>Telefonnummer</c>,
    /// <c>NomDeFamille</c>), or — for short or ambiguous keywords — only when it is a whole word (<c>Mail</c>,
    /// <c>Zip</c>, <c>Ssn</c>, <c>Phone</c>, so that <c>Microphone</c>, <c>Phonetic</c> and <c>Zipper</c> are not matches).
    /// </remarks>
    internal sealed class NameHeuristics
    {
        // Order matters: the first rule whose keyword matches wins (specific before general).
        private static readonly (string Keyword, string Category, bool WholeWord)[] Rules =
        {
            // Network identifiers.
            ("ipaddress", "device.ip_address", false), ("ipaddr", "device.ip_address", false), ("clientip", "device.ip_address", false),
            ("remoteip", "device.ip_address", false), ("ip", "device.ip_address", true), ("macaddress", "device.device_id", false),

            // Email.
            ("emailaddress", "contact.email", false), ("email", "contact.email", false), ("mail", "contact.email", true), ("courriel", "contact.email", false),
            ("correo", "contact.email", false),

            // Phone.
            ("phonenumber", "contact.phone_number", false), ("phone", "contact.phone_number", true), ("telephone", "contact.phone_number", false),
            ("cellphone", "contact.phone_number", false), ("mobilephone", "contact.phone_number", false), ("mobilenumber", "contact.phone_number", false),
            ("mobile", "contact.phone_number", true), ("telefon", "contact.phone_number", false), ("mobiltelefon", "contact.phone_number", false),
            ("handynummer", "contact.phone_number", false), ("cellulare", "contact.phone_number", false), ("movil", "contact.phone_number", true),

            // Names.
            ("firstname", "name.first", false), ("givenname", "name.first", false), ("forename", "name.first", false), ("vorname", "name.first", false),
            ("prenom", "name.first", false), ("primernombre", "name.first", false),
            ("lastname", "name.last", false), ("surname", "name.last", false), ("familyname", "name.last", false), ("nachname", "name.last", false),
            ("familienname", "name.last", false), ("nomdefamille", "name.last", false), ("apellido", "name.last", false), ("cognome", "name.last", false),
            ("maidenname", "name.last", false), ("middlename", "name", false),
            ("fullname", "name", false), ("customername", "name", false), ("personname", "name", false), ("contactname", "name", false),
            ("employeename", "name", false), ("patientname", "name", false), ("nombrecompleto", "name", false), ("nomcomplet", "name", false),
            ("nomecompleto", "name", false), ("buyername", "name", false), ("recipientname", "name", false), ("ownername", "name", false),
            ("holdername", "name", false), ("applicantname", "name", false), ("candidatename", "name", false),
            ("studentname", "name", false), ("guestname", "name", false), ("passengername", "name", false), ("travelername", "name", false),
            ("travellername", "name", false), ("visitorname", "name", false), ("subscribername", "name", false), ("shoppername", "name", false),
            ("cardholder", "name", false), ("nameoncard", "name", false), ("karteninhaber", "name", false),
            ("username", "account.username", false), ("loginname", "account.username", false), ("benutzername", "account.username", false),
            ("nomutilisateur", "account.username", false), ("nombredeusuario", "account.username", false),

            // Birth date.
            ("dateofbirth", "demographic.date_of_birth", false), ("birthdate", "demographic.date_of_birth", false), ("birthday", "demographic.date_of_birth", false),
            ("dob", "demographic.date_of_birth", true), ("geburtsdatum", "demographic.date_of_birth", false), ("geburtstag", "demographic.date_of_birth", false),
            ("datedenaissance", "demographic.date_of_birth", false), ("datenaissance", "demographic.date_of_birth", false),
            ("fechadenacimiento", "demographic.date_of_birth", false), ("fechanacimiento", "demographic.date_of_birth", false),
            ("datadinascita", "demographic.date_of_birth", false), ("datanascita", "demographic.date_of_birth", false),

            // Financial.
            ("iban", "financial.bank_account", false), ("bankaccount", "financial.bank_account", false), ("accountnumber", "financial.bank_account", false),
            ("kontonummer", "financial.bank_account", false), ("bankverbindung", "financial.bank_account", false), ("cuentabancaria", "financial.bank_account", false),
            ("contobancario", "financial.bank_account", false),
            ("cardnumber", "financial.credit_card", false), ("creditcard", "financial.credit_card", false), ("kreditkarte", "financial.credit_card", false),
            ("securitycode", "financial.credit_card", false), ("cardverification", "financial.credit_card", false), ("cvv", "financial.credit_card", true),
            ("cvc", "financial.credit_card", true), ("cvv2", "financial.credit_card", true), ("pruefnummer", "financial.credit_card", false),
            ("numerodecarte", "financial.credit_card", false), ("numerotarjeta", "financial.credit_card", false), ("tarjetadecredito", "financial.credit_card", false),

            // Government identifiers.
            ("passportnumber", "government_id.passport_number", false), ("passport", "government_id.passport_number", false), ("reisepass", "government_id.passport_number", false),
            ("passeport", "government_id.passport_number", false), ("pasaporte", "government_id.passport_number", false), ("passaporto", "government_id.passport_number", false),
            ("nationalid", "government_id.national_identification_number", false), ("nationalidentity", "government_id.national_identification_number", false),
            ("nationalinsurance", "government_id.national_identification_number", false), ("socialsecurity", "government_id.national_identification_number", false),
            ("ssn", "government_id.national_identification_number", true), ("taxid", "government_id.national_identification_number", false),
            ("taxnumber", "government_id.national_identification_number", false), ("steuerid", "government_id.national_identification_number", false),
            ("steueridentifikationsnummer", "government_id.national_identification_number", false), ("sozialversicherungsnummer", "government_id.national_identification_number", false),
            ("personalausweis", "government_id.national_identification_number", false), ("codicefiscale", "government_id.national_identification_number", false),
            ("numerosecuritesociale", "government_id.national_identification_number", false), ("dni", "government_id.national_identification_number", true),
            ("nif", "government_id.national_identification_number", true), ("nie", "government_id.national_identification_number", true),
            ("nir", "government_id.national_identification_number", true),
            ("driverslicense", "government_id.drivers_license_number", false), ("driverlicense", "government_id.drivers_license_number", false),
            ("drivinglicence", "government_id.drivers_license_number", false), ("drivinglicense", "government_id.drivers_license_number", false),
            ("fuhrerschein", "government_id.drivers_license_number", false),

            // Postal address.
            ("streetaddress", "contact.address.street", false), ("addressline", "contact.address.street", false), ("street", "contact.address.street", false),
            ("strasse", "contact.address.street", false), ("hausnummer", "contact.address.street", false), ("housenumber", "contact.address.street", false),
            ("calle", "contact.address.street", true),
            ("postcode", "contact.address.postal_code", false), ("postalcode", "contact.address.postal_code", false), ("zipcode", "contact.address.postal_code", false),
            ("zip", "contact.address.postal_code", true), ("plz", "contact.address.postal_code", true), ("postleitzahl", "contact.address.postal_code", false),
            ("codepostal", "contact.address.postal_code", false), ("codigopostal", "contact.address.postal_code", false), ("codicepostale", "contact.address.postal_code", false),
            ("city", "contact.address.city", true), ("town", "contact.address.city", true), ("stadt", "contact.address.city", true),
            ("ville", "contact.address.city", true), ("ciudad", "contact.address.city", true), ("citta", "contact.address.city", true),
            ("stateorprovince", "contact.address.state", false), ("province", "contact.address.state", true), ("bundesland", "contact.address.state", false),
            ("homeaddress", "contact.address", false), ("postaladdress", "contact.address", false), ("billingaddress", "contact.address", false),
            ("shippingaddress", "contact.address", false), ("deliveryaddress", "contact.address", false), ("address", "contact.address", true),
            ("adresse", "contact.address", true), ("anschrift", "contact.address", false), ("wohnort", "contact.address", false), ("direccion", "contact.address", true),
            ("domicilio", "contact.address", false), ("indirizzo", "contact.address", true),

            // Device.
            ("useragent", "device.user_agent", false),

            // Geolocation.
            ("latitude", "location.precise", false), ("longitude", "location.precise", false), ("geolocation", "location.precise", false),
            ("geoposition", "location.precise", false), ("geocoordinates", "location.precise", false), ("gps", "location.precise", true),
        };

        /// <summary>
        /// Names of special-category data (Art. 9 and 10; the keys of <c>[SpecialCategoryData]</c>), checked before the rules
        /// above. Ambiguous words are left out (<c>Race</c> in <c>RaceCondition</c>, <c>Orientation</c> of a screen,
        /// <c>Treatment</c>, <c>Denomination</c> of a currency).
        /// </summary>
        private static readonly (string Keyword, string Special, bool WholeWord)[] SpecialRules =
        {
            ("ethnicorigin", "racial-or-ethnic-origin", false), ("racialorigin", "racial-or-ethnic-origin", false), ("ethnicity", "racial-or-ethnic-origin", false),
            ("ethnicbackground", "racial-or-ethnic-origin", false), ("ethnicgroup", "racial-or-ethnic-origin", false), ("ethnie", "racial-or-ethnic-origin", true),
            ("etnia", "racial-or-ethnic-origin", true),
            ("diagnosis", "health", false), ("diagnoses", "health", false), ("diagnose", "health", true), ("medicalcondition", "health", false),
            ("healthcondition", "health", false), ("medicalhistory", "health", false), ("medicalrecord", "health", false), ("healthrecord", "health", false),
            ("medicalnotes", "health", false), ("disability", "health", false), ("disabilities", "health", false), ("behinderung", "health", false),
            ("allergy", "health", false), ("allergies", "health", false), ("medication", "health", false), ("prescription", "health", false),
            ("bloodtype", "health", false), ("bloodgroup", "health", false), ("pregnancy", "health", false), ("illness", "health", false),
            ("krankheit", "health", false), ("vorerkrankung", "health", false), ("symptoms", "health", true),
            ("religion", "religious-beliefs", false), ("religiousbelief", "religious-beliefs", false), ("konfession", "religious-beliefs", false),
            ("politicalopinion", "political-opinions", false), ("politicalaffiliation", "political-opinions", false), ("politicalparty", "political-opinions", false),
            ("politicalview", "political-opinions", false),
            ("tradeunion", "trade-union-membership", false), ("unionmembership", "trade-union-membership", false), ("laborunion", "trade-union-membership", false),
            ("labourunion", "trade-union-membership", false), ("gewerkschaft", "trade-union-membership", false),
            ("sexualorientation", "sex-life-or-orientation", false), ("sexuality", "sex-life-or-orientation", false), ("sexlife", "sex-life-or-orientation", false),
            ("criminalrecord", "criminal-offences", false), ("criminalhistory", "criminal-offences", false), ("criminalconviction", "criminal-offences", false),
            ("criminaloffence", "criminal-offences", false), ("criminaloffense", "criminal-offences", false), ("convictions", "criminal-offences", false),
            ("vorstrafe", "criminal-offences", false), ("fuhrungszeugnis", "criminal-offences", false),
            ("biometric", "biometric", false), ("fingerprint", "biometric", false), ("faceprint", "biometric", false), ("facetemplate", "biometric", false),
            ("faceembedding", "biometric", false), ("voiceprint", "biometric", false),
            ("genetic", "genetic", false), ("genome", "genetic", false), ("genotype", "genetic", false), ("dna", "genetic", true),
        };

        /// <summary>
        /// Words that make a name describe something about the data rather than hold it (settings, flags, templates,
        /// technical names). Any of them anywhere in the name excludes it.
        /// </summary>
        private static readonly HashSet<string> ExcludedWords = new(StringComparer.Ordinal)
        {
            // Metadata about the value.
            "template", "templates", "format", "formatter", "confirmed", "verified", "verification", "enabled", "disabled", "validation", "validator",
            "regex", "pattern", "count", "type", "kind", "provider", "settings", "setting", "options", "config", "configuration", "label", "placeholder",
            "policy", "mask", "length", "required", "visible", "allowed", "changed", "sent", "status", "subject", "body", "queue", "server", "service",
            "host", "port", "hash", "token", "key", "field", "column", "index", "prefix", "suffix", "domain", "view", "range", "whitelist",
            "allowlist", "blocklist", "blacklist", "rule", "rules", "version", "app", "layout", "platform", "url", "uri", "link", "endpoint", "api",
            "discount", "percent", "reminder", "reminders", "notification", "notifications", "campaign", "message", "messages", "merge", "lookup",
            "precision", "accuracy", "radius", "offset", "tolerance",

            // Technical or organisational names (a type's full name, a file's name, a company's address).
            "assembly", "class", "method", "namespace", "file", "folder", "directory", "path", "archive", "module", "table", "schema", "database",
            "topic", "machine", "computer", "role", "group", "product", "company", "organisation", "organization", "tenant", "application",
            "project", "branch", "repository", "package", "bucket", "container", "cluster", "node", "environment", "base", "proxy", "gateway",
            "listen", "bind", "memory", "pointer", "return", "store", "shop", "warehouse", "office", "vendor", "supplier", "merchant",
            "broadcast", "loopback", "local", "multicast", "subnet", "network", "socket", "virtual", "relative", "entry", "error", "errors",
            "lifetime", "packet", "packets",
        };

        /// <summary>
        /// Words in a type's name that make it technical (a file, a reflection type, a network endpoint): its plain
        /// <c>Name</c>, <c>FullName</c>, <c>Address</c> or <c>Ip</c> is not a person's (<c>Type.FullName</c>, <c>IPEndPoint.Address</c>).
        /// </summary>
        private static readonly HashSet<string> TechnicalTypeWords = new(StringComparer.Ordinal)
        {
            "file", "entry", "type", "assembly", "archive", "directory", "folder", "path", "module", "class", "method", "symbol",
            "node", "framework", "ip", "endpoint", "socket", "network", "ping", "reply", "packet", "header", "section", "descriptor", "http", "process", "listener",
            "delegator", "metadata", "contract", "syntax", "token", "attribute", "property", "field", "parameter", "schema", "table", "column",
        };

        /// <summary>Keywords too generic to trust on a technical type.</summary>
        private static readonly HashSet<string> GenericKeywords = new(StringComparer.Ordinal) { "address", "fullname", "ip", "ipaddress", "name", "nombre", "nom", "nome", "username", "city", "province", "displayname", "useragent" };

        private static readonly string[] ExcludedPrefixes = { "is", "has", "can", "should", "allow", "use", "enable", "require", "show", "max", "min", "total", "num" };

        /// <summary>Type names whose plain <c>Name</c> member is a person's name.</summary>
        private static readonly HashSet<string> PersonTypeWords = new(StringComparer.Ordinal)
        {
            "customer", "user", "employee", "patient", "person", "contact", "member", "applicant", "student", "guest", "candidate", "subscriber",
            "buyer", "shopper", "purchaser", "recipient", "owner",
            "passenger", "traveler", "traveller", "visitor", "kunde", "mitarbeiter", "client", "cliente", "personne", "paciente", "paziente",
            "utente", "usuario", "utilisateur", "benutzer", "employe", "empleado", "dipendente",
        };

        /// <summary>Suffixes stripped from a type's name before the person check (<c>CustomerDto</c> → <c>Customer</c>).</summary>
        private static readonly HashSet<string> TypeNameSuffixes = new(StringComparer.Ordinal)
        {
            "dto", "entity", "model", "view", "record", "info", "details", "detail", "data", "request", "response", "command", "vm", "item",
            "summary", "profile", "row", "document", "doc", "resource", "payload", "input", "output", "form", "result",
        };

        /// <summary>Type names (last word) that hold behaviour or configuration, not a person's data.</summary>
        private static readonly HashSet<string> NonDataTypeWords = new(StringComparer.Ordinal)
        {
            "service", "services", "controller", "handler", "options", "settings", "configuration", "config", "validator", "middleware", "factory",
            "provider", "repository", "manager", "builder", "attribute", "exception", "extensions", "startup", "program", "hub", "module", "job",
            "worker", "test", "tests", "fixture", "formatter", "helper", "helpers", "constants", "resources", "strings", "messages", "sender",
            "mailer", "notifier", "generator", "parser", "serializer", "converter", "mapper", "analyzer", "filter", "policy", "strategy",
        };

        private static readonly HashSet<string> AmbiguousPersonWords = new(StringComparer.Ordinal) { "member", "client", "contact" };

        private static readonly HashSet<string> PlainNameWords = new(StringComparer.Ordinal) { "name", "nombre", "nom", "nome" };

        /// <summary>
        /// The inferred category of a property, field or parameter, or null. Members are considered only in data-carrying
        /// types (DTOs, entities, records — not services, controllers, options or attributes).
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
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

            var containing = symbol is IParameterSymbol parameter ? parameter.ContainingType : symbol.ContainingType;
            if (symbol is not IParameterSymbol && containing is not null && !IsDataCarryingType(containing))
            {
                return null;
            }

            return ClassifyName(symbol.Name, containing?.Name);
        }

        /// <summary>The category for a member name, or null (used for Identity's <c>[PersonalData]</c>, which has none).</summary>
        public static string? CategoryForName(string name) => ClassifyName(name) is { SpecialCategory: null } inferred ? inferred.Category : null;

        /// <summary>Classifies a name alone, applying the exclusions; <paramref name="typeName"/> enables the plain-<c>Name</c> rule.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public static InferredCategory? ClassifyName(string name, string? typeName = null)
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

            if (words.Count > 2 && words[0] == "number" && words[1] == "of")
            {
                return null; // NumberOfIPAddresses: a count
            }

            foreach (var word in words)
            {
                if (ExcludedWords.Contains(word))
                {
                    return null;
                }
            }

            bool technicalType = typeName is not null && SplitWords(typeName).Exists(TechnicalTypeWords.Contains);

            // A plain "Name" is a person's name only on a person-like type (Customer.Name, not Product.Name); so is a
            // "DisplayName" (not CultureInfo.DisplayName).
            if ((words.Count == 1 && PlainNameWords.Contains(words[0])) || (words.Count == 2 && words[0] == "display" && words[1] == "name"))
            {
                return typeName is not null && !technicalType && IsPersonType(typeName) ? new InferredCategory("name", null, string.Concat(words)) : null;
            }

            // A plain "State" is an address part only on an address or a person (Address.State, not Connection.State);
            // "BillingState", "ShippingState", "HomeState" are address parts.
            if (words[words.Count - 1] == "state" && (words.Count == 1 ? typeName is not null && !technicalType && (IsAddressType(typeName) || IsPersonType(typeName)) : AddressQualifiers.Contains(words[0]) && words.Count == 2))
            {
                return new InferredCategory("contact.address.state", null, "state");
            }

            var last = words[words.Count - 1];
            foreach (var (keyword, special, wholeWord) in SpecialRules)
            {
                if (Matches(words, keyword, wholeWord) && last is not "id" and not "ids")
                {
                    return new InferredCategory(special, special, keyword);
                }
            }

            foreach (var (keyword, category, wholeWord) in Rules)
            {
                if (!Matches(words, keyword, wholeWord))
                {
                    continue;
                }

                if (technicalType && GenericKeywords.Contains(keyword))
                {
                    return null;
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

        /// <summary>A keyword matches as a whole word, or (most) from a word boundary: <c>UserEmail</c>, <c>Telefonnummer</c>.</summary>
        private static bool Matches(List<string> words, string keyword, bool wholeWord) =>
            wholeWord ? words.Contains(keyword) : StartsAtWordBoundary(words, keyword);

        /// <summary>Words before "State" that make it an address part.</summary>
        private static readonly HashSet<string> AddressQualifiers = new(StringComparer.Ordinal) { "billing", "shipping", "delivery", "home", "address", "mailing", "postal", "residence" };

        /// <summary>Whether a type's name (after DTO/entity suffixes) is an address.</summary>
        internal static bool IsAddressType(string typeName)
        {
            var words = SplitWords(typeName);
            while (words.Count > 1 && TypeNameSuffixes.Contains(words[words.Count - 1]))
            {
                words.RemoveAt(words.Count - 1);
            }

            return words.Count > 0 && words[words.Count - 1] is "address" or "adresse" or "anschrift" or "direccion" or "indirizzo" or "location";
        }

        /// <summary>Whether a type's name (after DTO/entity suffixes) names a kind of person.</summary>
        internal static bool IsPersonType(string typeName)
        {
            var words = SplitWords(typeName);
            while (words.Count > 1 && TypeNameSuffixes.Contains(words[words.Count - 1]))
            {
                words.RemoveAt(words.Count - 1);
            }

            if (words.Count == 0 || !PersonTypeWords.Contains(words[words.Count - 1]))
            {
                return false;
            }

            // "Member", "Client", "Contact" alone are people; "DataMember", "MemberInfo", "HttpClient" are not.
            return !AmbiguousPersonWords.Contains(words[words.Count - 1]) || (words.Count == 1 && !SplitWords(typeName).Contains("info"));
        }

        /// <summary>Whether members of <paramref name="type"/> can hold a person's data (not a service, options class, attribute, …).</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        internal static bool IsDataCarryingType(INamedTypeSymbol type)
        {
            if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsStatic)
            {
                return false;
            }

            for (var t = type.BaseType; t is not null; t = t.BaseType)
            {
                if (t.ContainingNamespace?.ToDisplayString() == "System" && t.Name is "Attribute" or "Exception")
                {
                    return false;
                }

                if (t.Name is "ControllerBase" or "Controller" or "DbContext" or "Hub" or "BackgroundService" or "PageModel" or "ComponentBase")
                {
                    return false;
                }
            }

            var words = SplitWords(type.Name);
            if (words.Count == 0)
            {
                return true;
            }

            var last = words[words.Count - 1];
            if (last == "client")
            {
                return words.Count == 1; // "Client" is a customer; "CrmClient", "ApiClient" are SDK clients.
            }

            return !NonDataTypeWords.Contains(last);
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private static bool StartsAtWordBoundary(List<string> words, string keyword)
        {
            for (int i = 0; i < words.Count; i++)
            {
                // Join words[i..] lazily: only as many as the keyword needs.
                int matched = 0;
                for (int j = i; j < words.Count && matched < keyword.Length; j++)
                {
                    var word = words[j];
                    int n = Math.Min(word.Length, keyword.Length - matched);
                    if (string.CompareOrdinal(word, 0, keyword, matched, n) != 0)
                    {
                        break;
                    }

                    matched += n;
                }

                if (matched == keyword.Length)
                {
                    return true;
                }
            }

            return false;
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

        /// <summary>Splits PascalCase, camelCase, snake_case and kebab-case into lower-case words, accents folded (ß → ss).</summary>
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

                AppendFolded(current, c);
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

        private static void AppendFolded(StringBuilder builder, char c)
        {
            if (c == 'ß')
            {
                builder.Append("ss");
                return;
            }

            c = char.ToLowerInvariant(c);
            if (c < 128)
            {
                builder.Append(c);
                return;
            }

            foreach (char d in c.ToString().Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                {
                    builder.Append(d);
                }
            }
        }
    }
}
