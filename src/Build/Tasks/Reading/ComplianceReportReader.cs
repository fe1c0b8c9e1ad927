using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Residency.Analyzers.Json;
using Residency.Build.Model;
using Residency.Facts;
using Residency.Build.Util;

namespace Residency.Build.Reading
{
    /// <summary>
    /// Lists the classified members of a Microsoft.Extensions.AuditReports <c>ComplianceReport.json</c> as data elements
    /// (origin <c>DataClassification</c>). The format is not a published contract, so the reader is deliberately
    /// loose: it walks the whole document and takes any object that has a name and classifications, using the
    /// nearest enclosing object with member lists as its type and the nearest one with <c>Parameters</c> as its method.
    /// </summary>
    internal static class ComplianceReportReader
    {
        private static readonly string[] NameKeys = { "Name", "name", "Member", "member", "MemberName", "memberName" };
        private static readonly string[] ClassificationKeys = { "Classifications", "classifications", "Classification", "classification", "DataClassifications", "Taxonomy", "taxonomy" };
        private static readonly string[] TypeListKeys = { "Members", "members", "Logging Methods", "LoggingMethods", "Properties", "Fields" };
        private static readonly string[] ParameterKeys = { "Parameters", "parameters" };

        public static ReadResult Read(string path, string assembly, string? projectDirectory)
        {
            var facts = new FactSet();
            string text;
            try
            {
                if (!File.Exists(path))
                {
                    return new ReadResult(facts, "the compliance report was not found; its classified members are not listed");
                }

                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return new ReadResult(facts, "the compliance report could not be read: " + e.Message);
            }

            var root = JsonParser.TryParse(text, out var error);
            if (root is null)
            {
                return new ReadResult(facts, string.Format(
                    CultureInfo.InvariantCulture,
                    "the compliance report is not valid JSON ({0} at line {1}, column {2})",
                    error!.Message,
                    error.Line,
                    error.Column));
            }

            Walk(root, null, null, false, 0, new Context(facts, assembly, projectDirectory));
            return new ReadResult(facts, null);
        }

        private static void Walk(JsonNode node, string? type, string? method, bool isParameter, int depth, Context context)
        {
            if (depth > 64)
            {
                return;
            }

            if (node.IsArray)
            {
                foreach (var item in node.Items)
                {
                    Walk(item, type, method, isParameter, depth + 1, context);
                }

                return;
            }

            if (!node.IsObject)
            {
                return;
            }

            var name = JsonRead.Str(node, NameKeys);
            var classifications = Classifications(node);
            if (name is not null && classifications.Count > 0)
            {
                context.Add(node, name, type, method, isParameter, classifications);
            }

            bool isType = false, isMethod = false;
            foreach (var member in node.Members)
            {
                isType |= member.Value.IsArray && Array.IndexOf(TypeListKeys, member.Key) >= 0;
                isMethod |= member.Value.IsArray && Array.IndexOf(ParameterKeys, member.Key) >= 0;
            }

            var childType = isType ? JsonRead.Str(node, "FullName", "TypeName") ?? name ?? type : type;
            var childMethod = isMethod ? name ?? method : method;
            foreach (var member in node.Members)
            {
                if (member.Value.IsArray || member.Value.IsObject)
                {
                    bool parameters = Array.IndexOf(ParameterKeys, member.Key) >= 0;
                    Walk(member.Value, childType, parameters ? childMethod : isType ? null : childMethod, parameters, depth + 1, context);
                }
            }
        }

        private static List<string> Classifications(JsonNode node)
        {
            var result = new List<string>();
            foreach (var key in ClassificationKeys)
            {
                var value = node.Get(key);
                if (value is null)
                {
                    continue;
                }

                var items = value.IsArray ? value.Items : new[] { value };
                foreach (var item in items)
                {
                    var text = item.IsObject ? JsonRead.Str(item, "Name", "name", "Value", "value", "Taxonomy") : item.AsConfigurationValue();
                    if (!string.IsNullOrWhiteSpace(text) && !result.Contains(text!))
                    {
                        result.Add(text!);
                    }
                }
            }

            return result;
        }

        private sealed class Context
        {
            private readonly FactSet _facts;
            private readonly string _assembly;
            private readonly string? _projectDirectory;

            public Context(FactSet facts, string assembly, string? projectDirectory)
            {
                _facts = facts;
                _assembly = assembly;
                _projectDirectory = projectDirectory;
            }

            public void Add(JsonNode node, string name, string? type, string? method, bool isParameter, List<string> classifications)
            {
                var shortType = type is null ? null : type.Substring(type.LastIndexOf('.') + 1);
                string member, id;
                if (isParameter && method is not null)
                {
                    member = (shortType is null ? "" : shortType + ".") + method + "(" + name + ")";
                    id = (type is null ? "" : type + ".") + method + "(" + name + ")";
                }
                else
                {
                    member = shortType is null ? name : shortType + "." + name;
                    id = type is null ? name : type + "." + name;
                }

                var file = JsonRead.Str(node, "File", "file", "Path", "path");
                if (file is not null && Path.IsPathRooted(file))
                {
                    file = PathUtil.ToRelative(file, _projectDirectory);
                }

                _facts.Elements.Add(new DataElement
                {
                    Id = id,
                    Member = member,
                    ContainingType = type,
                    Kind = isParameter ? "parameter" : null,
                    Category = string.Join(", ", classifications),
                    Origin = "DataClassification",
                    Assembly = _assembly,
                    File = file is null ? null : PathUtil.Normalise(file),
                    Line = JsonRead.Int(node, "Line") ?? JsonRead.Int(node, "line"),
                });
            }
        }
    }
}
