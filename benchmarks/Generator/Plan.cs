using System;
using System.Collections.Generic;

namespace Residency.Benchmarks.Generator
{
    internal enum FileKind
    {
        Model,
        Client,
        Service,
        Ordinary,
    }

    /// <summary>The kinds of sink a generated client talks to.</summary>
    internal enum ClientTemplate
    {
        /// <summary>HttpClient to api.openai.com (US, found by the host catalogue).</summary>
        OpenAiUs,

        /// <summary>HttpClient to eu.api.openai.com (EU data residency).</summary>
        OpenAiEu,

        /// <summary>HttpClient to http://ordering-api (internal endpoint, no diagnostic).</summary>
        OrderingInternal,

        /// <summary>HttpClient to api.eu.mistral.ai (EU).</summary>
        MistralEu,

        /// <summary>Methods annotated <c>[DataSink("US", Recipient = …)]</c>.</summary>
        CrmUs,

        /// <summary>Methods annotated <c>[DataSink("DE", …)]</c>.</summary>
        MailDe,

        /// <summary>Methods annotated <c>[DataSink("IE", …)]</c>.</summary>
        SupportIe,

        /// <summary>A class annotated <c>[DataSink("US", …)]</c>: every method is a sink.</summary>
        AnalyticsUs,
    }

    internal sealed class ModelInfo
    {
        public ModelInfo(string name, string subject)
        {
            Name = name;
            Subject = subject;
        }

        public string Name { get; }

        public string Subject { get; }

        public string StatusType => Name + "Status";

        public bool IsRecord { get; set; }

        public bool HasPhone { get; set; }

        public bool HasAddress { get; set; }

        public bool HasBirthDate { get; set; }

        public bool HasIban { get; set; }

        public bool HasIpAddress { get; set; }

        public bool HasPassport { get; set; }

        public bool HasHealth { get; set; }

        public bool HasTier { get; set; }

        public bool HasLocale { get; set; }

        public bool HasBalance { get; set; }

        public bool HasOptIn { get; set; }
    }

    internal sealed class ClientInfo
    {
        public ClientInfo(ClientTemplate template)
        {
            Template = template;
        }

        public ClientTemplate Template { get; }

        public string Name => Template switch
        {
            ClientTemplate.OpenAiUs => "AssistantClient",
            ClientTemplate.OpenAiEu => "EuAssistantClient",
            ClientTemplate.OrderingInternal => "OrderingApiClient",
            ClientTemplate.MistralEu => "MistralChatClient",
            ClientTemplate.CrmUs => "CrmClient",
            ClientTemplate.MailDe => "MailRelayClient",
            ClientTemplate.SupportIe => "SupportDeskClient",
            ClientTemplate.AnalyticsUs => "ProductAnalyticsClient",
            _ => throw new InvalidOperationException(),
        };

        /// <summary>The region the data goes to, as the analyzer should determine it.</summary>
        public string Region => Template switch
        {
            ClientTemplate.OpenAiUs or ClientTemplate.CrmUs or ClientTemplate.AnalyticsUs => "US",
            ClientTemplate.MailDe => "DE",
            ClientTemplate.SupportIe => "IE",
            ClientTemplate.OrderingInternal => "internal",
            _ => "EU",
        };

        public string Recipient => Template switch
        {
            ClientTemplate.OpenAiUs or ClientTemplate.OpenAiEu => "OpenAI",
            ClientTemplate.MistralEu => "Mistral AI",
            ClientTemplate.CrmUs => "Acme CRM Inc.",
            ClientTemplate.MailDe => "Postwerk Mail GmbH",
            ClientTemplate.SupportIe => "Helpdesk Cloud Ltd",
            ClientTemplate.AnalyticsUs => "Metrics Cloud Inc.",
            _ => "Ordering API",
        };
    }

    internal sealed class FileSlot
    {
        public FileSlot(FileKind kind, int index)
        {
            Kind = kind;
            Index = index;
        }

        public FileKind Kind { get; }

        /// <summary>Index of the file among the files of its kind in the module.</summary>
        public int Index { get; }

        public ModelInfo? Model { get; set; }

        public ClientInfo? Client { get; set; }

        public string? ServiceVerb { get; set; }

        public string? OrdinaryTemplate { get; set; }
    }

    internal sealed class ModuleInfo
    {
        public ModuleInfo(int index, string area)
        {
            Index = index;
            Area = area;
        }

        public int Index { get; }

        public string Area { get; }

        public string RootNamespace => "Synthetic.App." + Area;

        public List<FileSlot> Files { get; } = new List<FileSlot>();

        public List<ModelInfo> Models { get; } = new List<ModelInfo>();

        public List<ClientInfo> Clients { get; } = new List<ClientInfo>();
    }

    /// <summary>
    /// Splits the files into modules of 20 (4 models, 3 clients, 6 services, 7 ordinary files: 20/15/30/35 %),
    /// ordered so that any prefix of a module (the last one may be partial) has a model and a client before its
    /// first service.
    /// </summary>
    internal static class Planner
    {
        public const int ModuleSize = 20;

        private static readonly FileKind[] Order =
        {
            FileKind.Model, FileKind.Client, FileKind.Service, FileKind.Ordinary, FileKind.Model,
            FileKind.Service, FileKind.Ordinary, FileKind.Client, FileKind.Service, FileKind.Ordinary,
            FileKind.Model, FileKind.Service, FileKind.Ordinary, FileKind.Ordinary, FileKind.Model,
            FileKind.Service, FileKind.Client, FileKind.Service, FileKind.Ordinary, FileKind.Ordinary,
        };

        private static readonly string[] Areas =
        {
            "Sales", "Billing", "Support", "Clinic", "People", "Marketing", "Logistics", "Accounts",
            "Bookings", "Insurance", "Loyalty", "Recruiting", "Travel", "Learning", "Banking", "Community",
        };

        private static readonly (string Name, string Subject)[] Entities =
        {
            ("Customer", "customer"), ("Patient", "patient"), ("Employee", "employee"), ("Applicant", "applicant"),
            ("Member", "member"), ("Contact", "prospect"), ("Traveler", "customer"), ("Student", "student"),
            ("Guest", "customer"), ("Subscriber", "customer"), ("Policyholder", "customer"), ("Driver", "employee"),
            ("Donor", "donor"), ("Tenant", "tenant"), ("Volunteer", "volunteer"), ("Prospect", "prospect"),
        };

        private static readonly string[] Verbs =
        {
            "Notification", "Export", "Assistant", "Onboarding", "Audit", "Sync", "Reporting", "Outreach",
            "Renewal", "Feedback",
        };

        public static List<ModuleInfo> Plan(int moduleFiles, ulong seed)
        {
            var modules = new List<ModuleInfo>();
            int moduleCount = (moduleFiles + ModuleSize - 1) / ModuleSize;
            for (int m = 0; m < moduleCount; m++)
            {
                var rng = Rng.For(seed, 1, m);
                string area = Areas[m % Areas.Length] + (m < Areas.Length ? string.Empty : (m / Areas.Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                var module = new ModuleInfo(m, area);
                int size = Math.Min(ModuleSize, moduleFiles - m * ModuleSize);

                var entities = rng.Sample(Entities, 4);
                var clients = rng.Sample((ClientTemplate[])Enum.GetValues(typeof(ClientTemplate)), 3);
                var verbs = rng.Sample(Verbs, 6);
                var ordinary = rng.Sample(OrdinaryTemplates.Names, 7);
                var counters = new int[4];

                for (int i = 0; i < size; i++)
                {
                    var kind = Order[i];
                    int k = counters[(int)kind]++;
                    var slot = new FileSlot(kind, k);
                    switch (kind)
                    {
                        case FileKind.Model:
                            slot.Model = NewModel(entities[k], rng);
                            module.Models.Add(slot.Model);
                            break;
                        case FileKind.Client:
                            slot.Client = new ClientInfo(clients[k]);
                            module.Clients.Add(slot.Client);
                            break;
                        case FileKind.Service:
                            slot.ServiceVerb = verbs[k];
                            break;
                        default:
                            slot.OrdinaryTemplate = ordinary[k];
                            break;
                    }

                    module.Files.Add(slot);
                }

                // Services reference any model or client of their module, so they are chosen once all are known.
                foreach (var slot in module.Files)
                {
                    if (slot.Kind == FileKind.Service)
                    {
                        slot.Model = rng.Pick(module.Models);
                        slot.Client = rng.Pick(module.Clients);
                    }
                }

                modules.Add(module);
            }

            return modules;
        }

        private static ModelInfo NewModel((string Name, string Subject) entity, Rng rng)
        {
            return new ModelInfo(entity.Name, entity.Subject)
            {
                IsRecord = rng.Chance(0.4),
                HasPhone = rng.Chance(0.6),
                HasAddress = rng.Chance(0.5),
                HasBirthDate = rng.Chance(0.4),
                HasIban = rng.Chance(0.25),
                HasIpAddress = rng.Chance(0.25),
                HasPassport = rng.Chance(0.15),
                HasHealth = entity.Name == "Patient" || rng.Chance(0.15),
                HasTier = rng.Chance(0.5),
                HasLocale = rng.Chance(0.5),
                HasBalance = rng.Chance(0.4),
                HasOptIn = rng.Chance(0.5),
            };
        }
    }
}
