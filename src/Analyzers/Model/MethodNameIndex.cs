using System;
using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Residency.Analyzers.Model
{
    /// <summary>
    /// For one module of a referenced assembly: the names of the methods a call can bind to, with the types that declare
    /// each — every method that is not private, not a constructor, accessor or operator, and not an override (C# binds a
    /// call to the method an override overrides) — of every type that is not private (nor nested in a private one). Read
    /// straight from the module's metadata tables: no symbol is created, where asking the compiler for a type's member
    /// names and then its members decodes every type of the module. It may list a method the compiler does not import (an
    /// internal one): the recipient pre-filter it serves must over-approximate, never miss. Compilation-independent, so
    /// memoised per module metadata (its reader), which the compiler server and a workspace share between compilations.
    /// </summary>
    internal sealed class MethodNameIndex
    {
        // Keyed by the reader (ModuleTables.ReaderOf).
        private static readonly ConditionalWeakTable<MetadataReader, MethodNameIndex> s_cache = new();

        private readonly string[] _namespaces;
        private readonly int[] _namespaceOf;
        private readonly int[] _declaringTypeOf;
        private readonly string[] _typeNames;
        private readonly Dictionary<string, int[]> _typesByMethod;

        private MethodNameIndex(string[] namespaces, int[] namespaceOf, int[] declaringTypeOf, string[] typeNames, Dictionary<string, int[]> typesByMethod)
        {
            _namespaces = namespaces;
            _namespaceOf = namespaceOf;
            _declaringTypeOf = declaringTypeOf;
            _typeNames = typeNames;
            _typesByMethod = typesByMethod;
        }

        /// <summary>The namespaces of the indexed types, each once (<c>""</c> for the global namespace).</summary>
        public IReadOnlyList<string> Namespaces => _namespaces;

        /// <summary>The number of indexed types; a type is named by its position below that.</summary>
        public int TypeCount => _typeNames.Length;

        /// <summary>The position in <see cref="Namespaces"/> of the namespace of <paramref name="type"/> (of its outermost type).</summary>
        public int NamespaceOf(int type) => _namespaceOf[type];

        /// <summary>The type <paramref name="type"/> is nested in, or -1 for a top-level type.</summary>
        public int DeclaringTypeOf(int type) => _declaringTypeOf[type];

        /// <summary>The metadata name of <paramref name="type"/> as <c>GetTypeByMetadataName</c> takes it: <c>Namespace.Outer+Inner</c>.</summary>
        public string TypeName(int type) => _typeNames[type];

        /// <summary>The method names the index holds (for tests).</summary>
        internal IEnumerable<string> MethodNames => _typesByMethod.Keys;

        /// <summary>The types that declare a method <paramref name="name"/> a call can bind to.</summary>
        public bool TryGetDeclaringTypes(string name, out int[] types) => _typesByMethod.TryGetValue(name, out types!);

        /// <summary>The index of <paramref name="module"/>, or null when it has no metadata of its own (a source module, a compilation reference) or its metadata cannot be read.</summary>
        public static MethodNameIndex? For(IModuleSymbol module) =>
            ModuleTables.ReaderOf(module) is { } reader ? s_cache.GetValue(reader, Build) : null;

        /// <summary>The index of the metadata <paramref name="reader"/> reads (for tests and <see cref="For"/>).</summary>
        [MethodImpl(HotPath.Optimized)]
        internal static MethodNameIndex Build(MetadataReader reader)
        {
            int count = reader.TypeDefinitions.Count;

            // Per type definition row: its position among the indexed types, -1 when it is private or nested in a private
            // type, int.MinValue while not yet decided.
            var position = new int[count];
            for (int i = 0; i < count; i++)
            {
                position[i] = int.MinValue;
            }

            var namespaces = new List<string>();
            var namespaceIds = new Dictionary<StringHandle, int>();
            var namespaceOf = new List<int>(count);
            var declaringTypeOf = new List<int>(count);
            var typeNames = new List<string>(count);

            int Position(TypeDefinitionHandle handle)
            {
                int row = MetadataTokens.GetRowNumber(handle) - 1;
                if (position[row] != int.MinValue)
                {
                    return position[row];
                }

                position[row] = -1; // a cycle in a malformed image stops here
                var type = reader.GetTypeDefinition(handle);
                var declaring = type.GetDeclaringType();
                int result;
                if (declaring.IsNil)
                {
                    if (!namespaceIds.TryGetValue(type.Namespace, out var ns))
                    {
                        namespaceIds.Add(type.Namespace, ns = namespaces.Count);
                        namespaces.Add(reader.GetString(type.Namespace));
                    }

                    var simple = reader.GetString(type.Name);
                    result = Add(ns, -1, namespaces[ns].Length == 0 ? simple : namespaces[ns] + "." + simple);
                }
                else
                {
                    int outer = (type.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.NestedPrivate ? -1 : Position(declaring);
                    result = outer < 0 ? -1 : Add(namespaceOf[outer], outer, typeNames[outer] + "+" + reader.GetString(type.Name));
                }

                position[row] = result;
                return result;
            }

            int Add(int ns, int declaring, string name)
            {
                namespaceOf.Add(ns);
                declaringTypeOf.Add(declaring);
                typeNames.Add(name);
                return typeNames.Count - 1;
            }

            var byName = new Dictionary<StringHandle, List<int>>();
            foreach (var handle in reader.TypeDefinitions)
            {
                var type = reader.GetTypeDefinition(handle);
                var methods = type.GetMethods();
                if (methods.Count == 0)
                {
                    continue;
                }

                int id = Position(handle);
                if (id < 0)
                {
                    continue;
                }

                // An override: virtual without a new slot, in a class that has a base type (an interface's methods take
                // new slots; System.Object has none to override).
                bool mayOverride = (type.Attributes & TypeAttributes.Interface) == 0 && !type.BaseType.IsNil;
                foreach (var methodHandle in methods)
                {
                    var method = reader.GetMethodDefinition(methodHandle);
                    var attributes = method.Attributes;
                    var access = attributes & MethodAttributes.MemberAccessMask;
                    if (access is MethodAttributes.Private or MethodAttributes.PrivateScope ||
                        (mayOverride && (attributes & MethodAttributes.Virtual) != 0 && (attributes & MethodAttributes.NewSlot) == 0) ||
                        ((attributes & MethodAttributes.SpecialName) != 0 && IsNeverCalledByName(reader, method.Name)))
                    {
                        continue;
                    }

                    if (!byName.TryGetValue(method.Name, out var types))
                    {
                        byName.Add(method.Name, types = new List<int>(1));
                    }

                    if (types.Count == 0 || types[types.Count - 1] != id)
                    {
                        types.Add(id);
                    }
                }
            }

            var typesByMethod = new Dictionary<string, int[]>(byName.Count, StringComparer.Ordinal);
            foreach (var pair in byName)
            {
                var name = reader.GetString(pair.Key);
                if (typesByMethod.TryGetValue(name, out var known))
                {
                    // The same name stored twice in the string heap (a compiler need not share them).
                    var merged = new List<int>(known);
                    merged.AddRange(pair.Value);
                    typesByMethod[name] = merged.ToArray();
                }
                else
                {
                    typesByMethod.Add(name, pair.Value.ToArray());
                }
            }

            return new MethodNameIndex(namespaces.ToArray(), namespaceOf.ToArray(), declaringTypeOf.ToArray(), typeNames.ToArray(), typesByMethod);
        }

        // A special name C# never writes in a call: constructors (.ctor, .cctor), accessors and operators. C# rejects a call
        // of an accessor by its metadata name (CS0571); another special name may be an ordinary method to the compiler.
        private static bool IsNeverCalledByName(MetadataReader reader, StringHandle name) =>
            reader.StringComparer.StartsWith(name, ".") ||
            reader.StringComparer.StartsWith(name, "get_") ||
            reader.StringComparer.StartsWith(name, "set_") ||
            reader.StringComparer.StartsWith(name, "add_") ||
            reader.StringComparer.StartsWith(name, "remove_") ||
            reader.StringComparer.StartsWith(name, "op_");
    }
}
