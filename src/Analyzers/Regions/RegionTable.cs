using System;
using System.Collections.Generic;

namespace Residency.Analyzers.Regions
{
    /// <summary>An Art. 45 adequacy decision: which country, since when, and what it covers.</summary>
    internal sealed record AdequacyDecision(string Country, string Adopted, string Scope);

    /// <summary>
    /// The region facts of GDPR Chapter V, as data, in one place: ISO 3166-1 alpha-2 codes, the EU member states,
    /// the EEA, and the Art. 45 adequacy list (November 2026; see docs/regions.md for sources).
    /// </summary>
    internal static class RegionTable
    {
        /// <summary>The default of <c>ResidencyAllowedRegions</c>, for the analyzers and the inventory task alike.</summary>
        public const string DefaultAllowedRegions = "EEA;Adequate";

        /// <summary>Every officially assigned ISO 3166-1 alpha-2 code (249).</summary>
        public const string IsoCodes =
            "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ " +
            "BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
            "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ " +
            "DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
            "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY " +
            "HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
            "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY " +
            "MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ " +
            "NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA " +
            "RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ " +
            "TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ " +
            "VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

        /// <summary>The 27 EU member states (Greece as GR; EL is accepted as an alias).</summary>
        public const string EuMembers = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE";

        /// <summary>EEA members outside the EU: GDPR applies there since 20 July 2018.</summary>
        public const string EeaNonEuMembers = "IS LI NO";

        /// <summary>
        /// Art. 45 adequacy decisions for whole jurisdictions or sectors. The United States is deliberately absent:
        /// the EU-US Data Privacy Framework covers only self-certified organisations, so a US recipient needs a
        /// declared <c>DataTransfer("US", TransferMechanism.AdequacyDecision, Recipient = …)</c>.
        /// </summary>
        public static readonly IReadOnlyList<AdequacyDecision> Adequacy = new[]
        {
            new AdequacyDecision("AD", "2010-10-19", "Andorra; upheld in the review of 15 Jan 2024"),
            new AdequacyDecision("AR", "2003-06-30", "Argentina; upheld in the review of 15 Jan 2024"),
            new AdequacyDecision("CA", "2001-12-20", "Canada: only recipients subject to PIPEDA (commercial organisations)"),
            new AdequacyDecision("FO", "2010-03-05", "Faroe Islands; upheld in the review of 15 Jan 2024"),
            new AdequacyDecision("GG", "2003-11-21", "Guernsey; upheld in the review of 15 Jan 2024"),
            new AdequacyDecision("IL", "2011-01-31", "Israel; upheld in the review of 15 Jan 2024"),
            new AdequacyDecision("IM", "2004-04-28", "Isle of Man; upheld in the review of 15 Jan 2024"),
            new AdequacyDecision("JE", "2008-05-08", "Jersey; upheld in the review of 15 Jan 2024"),
            new AdequacyDecision("NZ", "2012-12-19", "New Zealand; upheld in the review of 15 Jan 2024"),
            new AdequacyDecision("CH", "2000-07-26", "Switzerland; upheld in the review of 15 Jan 2024"),
            new AdequacyDecision("UY", "2012-08-21", "Uruguay; upheld in the review of 15 Jan 2024"),
            new AdequacyDecision("JP", "2019-01-23", "Japan: businesses under the APPI plus the Supplementary Rules"),
            new AdequacyDecision("KR", "2021-12-17", "Republic of Korea: excludes credit data under the FSC, religious organisations and political parties"),
            new AdequacyDecision("GB", "2021-06-28", "United Kingdom: renewed 19 Dec 2025, valid until 27 Dec 2031"),
            new AdequacyDecision("BR", "2026-01-26", "Brazil: Implementing Decision (EU) 2026/179, public and private sectors"),
        };

        /// <summary>English names of the codes that diagnostics and the inventory mention most.</summary>
        public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AT"] = "Austria", ["BE"] = "Belgium", ["BG"] = "Bulgaria", ["HR"] = "Croatia", ["CY"] = "Cyprus",
            ["CZ"] = "Czechia", ["DK"] = "Denmark", ["EE"] = "Estonia", ["FI"] = "Finland", ["FR"] = "France",
            ["DE"] = "Germany", ["GR"] = "Greece", ["HU"] = "Hungary", ["IE"] = "Ireland", ["IT"] = "Italy",
            ["LV"] = "Latvia", ["LT"] = "Lithuania", ["LU"] = "Luxembourg", ["MT"] = "Malta", ["NL"] = "Netherlands",
            ["PL"] = "Poland", ["PT"] = "Portugal", ["RO"] = "Romania", ["SK"] = "Slovakia", ["SI"] = "Slovenia",
            ["ES"] = "Spain", ["SE"] = "Sweden", ["IS"] = "Iceland", ["LI"] = "Liechtenstein", ["NO"] = "Norway",
            ["AD"] = "Andorra", ["AR"] = "Argentina", ["CA"] = "Canada", ["FO"] = "Faroe Islands", ["GG"] = "Guernsey",
            ["IL"] = "Israel", ["IM"] = "Isle of Man", ["JE"] = "Jersey", ["NZ"] = "New Zealand", ["CH"] = "Switzerland",
            ["UY"] = "Uruguay", ["JP"] = "Japan", ["KR"] = "Republic of Korea", ["GB"] = "United Kingdom", ["BR"] = "Brazil",
            ["US"] = "United States", ["CN"] = "China", ["IN"] = "India", ["AU"] = "Australia", ["SG"] = "Singapore",
            ["RU"] = "Russia", ["ZA"] = "South Africa", ["AE"] = "United Arab Emirates", ["HK"] = "Hong Kong",
            ["TW"] = "Taiwan", ["MX"] = "Mexico", ["ID"] = "Indonesia", ["SA"] = "Saudi Arabia", ["TR"] = "Türkiye",
            ["UA"] = "Ukraine", ["BH"] = "Bahrain", ["CL"] = "Chile", ["CO"] = "Colombia", ["MY"] = "Malaysia",
            ["TH"] = "Thailand", ["VN"] = "Viet Nam", ["PH"] = "Philippines", ["EG"] = "Egypt", ["NG"] = "Nigeria",
            ["KE"] = "Kenya", ["QA"] = "Qatar", ["RS"] = "Serbia",
        };

        /// <summary>
        /// Common mistakes with an unambiguous intent, used by the RES004 code fix ("UK" → "GB", "Germany" → "DE").
        /// Keys are upper-case.
        /// </summary>
        public static readonly IReadOnlyDictionary<string, string> Aliases = BuildAliases();

        private static Dictionary<string, string> BuildAliases()
        {
            var aliases = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["UK"] = "GB",
                ["GREAT BRITAIN"] = "GB",
                ["ENGLAND"] = "GB",
                ["USA"] = "US",
                ["UNITED STATES OF AMERICA"] = "US",
                ["AMERICA"] = "US",
                ["SOUTH KOREA"] = "KR",
                ["KOREA"] = "KR",
                ["HOLLAND"] = "NL",
                ["THE NETHERLANDS"] = "NL",
                ["CZECH REPUBLIC"] = "CZ",
                ["DEUTSCHLAND"] = "DE",
                ["FRANKREICH"] = "FR",
                ["SCHWEIZ"] = "CH",
                ["SUISSE"] = "CH",
                ["ESPANA"] = "ES",
                ["ESPAÑA"] = "ES",
                ["ITALIA"] = "IT",
                ["EUROPE"] = "EU",
                ["EUROPEAN UNION"] = "EU",
                ["EUROPEAN ECONOMIC AREA"] = "EEA",
                ["ADEQUACY"] = "Adequate",
                ["UNKNOWN"] = "Unknown",
                ["DEU"] = "DE", ["FRA"] = "FR", ["GBR"] = "GB", ["IRL"] = "IE", ["NLD"] = "NL", ["SWE"] = "SE",
                ["CHE"] = "CH", ["ESP"] = "ES", ["ITA"] = "IT", ["POL"] = "PL", ["AUT"] = "AT", ["BEL"] = "BE",
                ["NOR"] = "NO", ["DNK"] = "DK", ["FIN"] = "FI", ["PRT"] = "PT", ["JPN"] = "JP", ["CHN"] = "CN",
                ["IND"] = "IN", ["CAN"] = "CA", ["AUS"] = "AU", ["BRA"] = "BR",
            };
            foreach (var pair in Names)
            {
                aliases[pair.Value.ToUpperInvariant()] = pair.Key;
            }

            return aliases;
        }
    }
}
