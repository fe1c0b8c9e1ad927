using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Residency.Analyzers.Json;

namespace Residency.Build.Tests
{
    /// <summary>
    /// A small JSON Schema (2020-12) validator covering the keywords schemas/inventory.schema.json uses: $ref (local),
    /// type, const, enum, properties, required, additionalProperties: false, unevaluatedProperties: false, items,
    /// allOf, oneOf, minimum. Enough to keep the writer and the published schema in step.
    /// </summary>
    internal sealed class SchemaValidator
    {
        private readonly JsonNode _root;

        public SchemaValidator(JsonNode root)
        {
            _root = root;
        }

        public List<string> Validate(JsonNode instance)
        {
            var errors = new List<string>();
            Validate(_root, instance, "$", errors, new HashSet<string>());
            return errors;
        }

        /// <summary>Validates and adds the property names this schema evaluated (for unevaluatedProperties).</summary>
        private void Validate(JsonNode schema, JsonNode value, string path, List<string> errors, HashSet<string> evaluated)
        {
            if (schema.Get("$ref") is { } reference)
            {
                Validate(Resolve(reference.Text!), value, path, errors, evaluated);
            }

            if (schema.Get("type") is { } type)
            {
                var allowed = type.IsArray ? type.Items.Select(t => t.Text!).ToList() : new List<string> { type.Text! };
                if (!allowed.Any(t => Is(t, value)))
                {
                    errors.Add(path + ": expected " + string.Join("|", allowed) + ", got " + value.Kind);
                    return;
                }
            }

            if (schema.Get("const") is { } constant && !Same(constant, value))
            {
                errors.Add(path + ": expected the constant " + constant.AsConfigurationValue());
            }

            if (schema.Get("enum") is { } options && !options.Items.Any(o => Same(o, value)))
            {
                errors.Add(path + ": " + (value.AsConfigurationValue() ?? value.Kind.ToString()) + " is not one of the allowed values");
            }

            if (schema.Get("minimum") is { } minimum && value.Kind == JsonKind.Number &&
                double.Parse(value.Text!, CultureInfo.InvariantCulture) < double.Parse(minimum.Text!, CultureInfo.InvariantCulture))
            {
                errors.Add(path + ": below the minimum " + minimum.Text);
            }

            foreach (var sub in schema.Get("allOf")?.Items ?? new JsonNode[0])
            {
                Validate(sub, value, path, errors, evaluated);
            }

            if (schema.Get("oneOf") is { } oneOf)
            {
                var matches = oneOf.Items.Count(sub => Validate(sub, value, path).Count == 0);
                if (matches != 1)
                {
                    errors.Add(path + ": matches " + matches + " of the oneOf schemas");
                }
            }

            if (value.IsObject)
            {
                var properties = schema.Get("properties");
                foreach (var required in schema.Get("required")?.Items ?? new JsonNode[0])
                {
                    if (value.Get(required.Text!) is null)
                    {
                        errors.Add(path + ": missing " + required.Text);
                    }
                }

                var local = new HashSet<string>(evaluated);
                foreach (var member in value.Members)
                {
                    if (properties?.Get(member.Key) is { } propertySchema)
                    {
                        Validate(propertySchema, member.Value, path + "." + member.Key, errors, new HashSet<string>());
                        local.Add(member.Key);
                    }
                }

                foreach (var member in value.Members)
                {
                    if (schema.Get("additionalProperties")?.Kind == JsonKind.False && properties?.Get(member.Key) is null)
                    {
                        errors.Add(path + ": unexpected property " + member.Key);
                    }

                    if (schema.Get("unevaluatedProperties")?.Kind == JsonKind.False && !local.Contains(member.Key))
                    {
                        errors.Add(path + ": unevaluated property " + member.Key);
                    }
                }

                evaluated.UnionWith(local);
            }

            if (value.IsArray && schema.Get("items") is { } items)
            {
                for (int i = 0; i < value.Items.Count; i++)
                {
                    Validate(items, value.Items[i], path + "[" + i + "]", errors, new HashSet<string>());
                }
            }
        }

        private List<string> Validate(JsonNode schema, JsonNode value, string path)
        {
            var errors = new List<string>();
            Validate(schema, value, path, errors, new HashSet<string>());
            return errors;
        }

        private JsonNode Resolve(string reference)
        {
            var node = _root;
            foreach (var part in reference.TrimStart('#').Split('/').Where(p => p.Length > 0))
            {
                node = node.Get(part.Replace("~1", "/").Replace("~0", "~"))!;
            }

            return node;
        }

        private static bool Is(string type, JsonNode value) => type switch
        {
            "object" => value.IsObject,
            "array" => value.IsArray,
            "string" => value.IsString,
            "boolean" => value.Kind is JsonKind.True or JsonKind.False,
            "null" => value.Kind == JsonKind.Null,
            "integer" => value.Kind == JsonKind.Number && long.TryParse(value.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            "number" => value.Kind == JsonKind.Number,
            _ => false,
        };

        private static bool Same(JsonNode a, JsonNode b) =>
            a.Kind == b.Kind && (a.Kind is JsonKind.Null or JsonKind.True or JsonKind.False || a.Text == b.Text);
    }
}
