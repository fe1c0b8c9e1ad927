using System;
using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Metadata;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Residency.Analyzers.Model
{
    /// <summary>
    /// For one module of a referenced assembly: the accessible members (ordinary methods, properties, fields) of its public
    /// types whose type is a class or interface, by member name, with the metadata name of that type (<c>Task&lt;T&gt;</c> and
    /// <c>ValueTask&lt;T&gt;</c> stand for <c>T</c>; a generic instantiation for its definition). Read straight from the
    /// module's metadata tables, decoding only each member's own type: no symbol is created, where asking the compiler for
    /// the members of a type decodes all of them, parameters and attributes included. Compilation-independent, so memoised
    /// per module metadata (its reader), which the compiler server and a workspace share between compilations.
    /// </summary>
    internal sealed class MemberTypeIndex
    {
        // Signature type codes (ECMA-335 II.23.1.16) the reader needs as bytes: SignatureTypeCode folds CLASS and VALUETYPE.
        private const byte ElementByRef = 0x10;
        private const byte ElementValueType = 0x11;
        private const byte ElementClass = 0x12;
        private const byte ElementGenericInstance = 0x15;
        private const byte ElementRequiredModifier = 0x1F;
        private const byte ElementOptionalModifier = 0x20;

        // Keyed by the reader (ModuleTables.ReaderOf).
        private static readonly ConditionalWeakTable<MetadataReader, MemberTypeIndex> s_cache = new();

        private readonly Dictionary<string, string[]> _typesByMember;
        private readonly KeyValuePair<string, string[]>[] _supertypes;

        private MemberTypeIndex(Dictionary<string, string[]> typesByMember, KeyValuePair<string, string[]>[] supertypes)
        {
            _typesByMember = typesByMember;
            _supertypes = supertypes;
        }

        /// <summary>Member name → the metadata names of the class or interface types of the members so named.</summary>
        public IReadOnlyDictionary<string, string[]> TypesByMember => _typesByMember;

        /// <summary>
        /// Every class and interface the module defines (of any accessibility) that has a base type other than
        /// <c>System.Object</c> or implements an interface, with the metadata names of those (a generic instantiation's by
        /// its definition). Not structs, enums and delegates: no class derives from them, and the member types
        /// <see cref="TypesByMember"/> lists are classes and interfaces.
        /// </summary>
        public IReadOnlyList<KeyValuePair<string, string[]>> Supertypes => _supertypes;

        /// <summary>The index of <paramref name="module"/>, or null when it has no metadata of its own (a source module, a compilation reference) or its metadata cannot be read.</summary>
        public static MemberTypeIndex? For(IModuleSymbol module) =>
            ModuleTables.ReaderOf(module) is { } reader ? s_cache.GetValue(reader, Build) : null;

        /// <summary>The index of the metadata <paramref name="reader"/> reads (for tests and <see cref="For"/>).</summary>
        internal static MemberTypeIndex Build(MetadataReader reader) => new Builder(reader).Build();

        private sealed class Builder
        {
            private readonly MetadataReader _reader;
            private readonly Dictionary<EntityHandle, string?> _typeNames = new();
            private readonly Dictionary<string, List<string>> _byMember = new(StringComparer.Ordinal);

            public Builder(MetadataReader reader) => _reader = reader;

            [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
            public MemberTypeIndex Build()
            {
                var supertypes = new List<KeyValuePair<string, string[]>>();
                var names = new List<string>();
                foreach (var handle in _reader.TypeDefinitions)
                {
                    var type = _reader.GetTypeDefinition(handle);
                    AddSupertypes(handle, type, supertypes, names);

                    var visibility = type.Attributes & TypeAttributes.VisibilityMask;
                    if (visibility is not (TypeAttributes.Public or TypeAttributes.NestedPublic))
                    {
                        continue;
                    }

                    foreach (var methodHandle in type.GetMethods())
                    {
                        var method = _reader.GetMethodDefinition(methodHandle);
                        if ((method.Attributes & MethodAttributes.SpecialName) == 0 && Accessible(method.Attributes))
                        {
                            Add(method.Name, method.Signature);
                        }
                    }

                    foreach (var propertyHandle in type.GetProperties())
                    {
                        var property = _reader.GetPropertyDefinition(propertyHandle);
                        var accessors = property.GetAccessors();
                        if (Accessible(accessors.Getter) || Accessible(accessors.Setter))
                        {
                            Add(property.Name, property.Signature);
                        }
                    }

                    foreach (var fieldHandle in type.GetFields())
                    {
                        var field = _reader.GetFieldDefinition(fieldHandle);
                        var access = field.Attributes & FieldAttributes.FieldAccessMask;
                        if (access is FieldAttributes.Public or FieldAttributes.Family or FieldAttributes.FamORAssem)
                        {
                            Add(field.Name, field.Signature);
                        }
                    }
                }

                var result = new Dictionary<string, string[]>(_byMember.Count, StringComparer.Ordinal);
                foreach (var pair in _byMember)
                {
                    result.Add(pair.Key, pair.Value.ToArray());
                }

                return new MemberTypeIndex(result, supertypes.ToArray());
            }

            private void AddSupertypes(TypeDefinitionHandle handle, TypeDefinition type, List<KeyValuePair<string, string[]>> supertypes, List<string> names)
            {
                var baseName = SupertypeName(type.BaseType);
                if (baseName is "System.ValueType" or "System.Enum" or "System.MulticastDelegate")
                {
                    return; // structs, enums and delegates: nothing derives from them, and no member type names one
                }

                names.Clear();
                if (baseName is not null && baseName != "System.Object")
                {
                    names.Add(baseName);
                }

                foreach (var implementation in type.GetInterfaceImplementations())
                {
                    if (SupertypeName(_reader.GetInterfaceImplementation(implementation).Interface) is { } interfaceName)
                    {
                        names.Add(interfaceName);
                    }
                }

                if (names.Count > 0 && NameOf(handle) is { } typeName)
                {
                    supertypes.Add(new KeyValuePair<string, string[]>(typeName, names.ToArray()));
                }
            }

            // A base type's or an interface's metadata name: a generic instantiation's by its definition.
            private string? SupertypeName(EntityHandle handle)
            {
                if (handle.IsNil)
                {
                    return null;
                }

                if (handle.Kind != HandleKind.TypeSpecification)
                {
                    return NameOf(handle);
                }

                var blob = _reader.GetBlobReader(_reader.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
                if (blob.RemainingBytes < 2 || blob.ReadByte() != ElementGenericInstance)
                {
                    return null;
                }

                blob.ReadByte(); // CLASS or VALUETYPE
                return NameOf(blob.ReadTypeHandle());
            }

            private static bool Accessible(MethodAttributes attributes)
            {
                var access = attributes & MethodAttributes.MemberAccessMask;
                return access is MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem;
            }

            private bool Accessible(MethodDefinitionHandle accessor) =>
                !accessor.IsNil && Accessible(_reader.GetMethodDefinition(accessor).Attributes);

            private void Add(StringHandle nameHandle, BlobHandle signature)
            {
                var typeName = MemberTypeName(_reader.GetBlobReader(signature));
                if (typeName is null)
                {
                    return;
                }

                var name = _reader.GetString(nameHandle);
                if (!_byMember.TryGetValue(name, out var types))
                {
                    _byMember[name] = types = new List<string>(1);
                }

                if (!types.Contains(typeName))
                {
                    types.Add(typeName);
                }
            }

            // The member's own type: a method's return type, a property's or a field's type.
            private string? MemberTypeName(BlobReader blob)
            {
                var header = blob.ReadSignatureHeader();
                switch (header.Kind)
                {
                    case SignatureKind.Method:
                        if (header.IsGeneric)
                        {
                            blob.ReadCompressedInteger();
                        }

                        blob.ReadCompressedInteger();
                        break;
                    case SignatureKind.Property:
                        blob.ReadCompressedInteger();
                        break;
                    case SignatureKind.Field:
                        break;
                    default:
                        return null;
                }

                return TypeName(ref blob, unwrapTask: true);
            }

            private string? TypeName(ref BlobReader blob, bool unwrapTask)
            {
                while (blob.RemainingBytes > 0)
                {
                    switch (blob.ReadByte())
                    {
                        case ElementRequiredModifier:
                        case ElementOptionalModifier:
                            blob.ReadTypeHandle();
                            continue;
                        case ElementByRef:
                            continue;
                        case ElementClass:
                            return NameOf(blob.ReadTypeHandle());
                        case ElementGenericInstance:
                            bool isClass = blob.ReadByte() == ElementClass;
                            var definition = blob.ReadTypeHandle();
                            int arity = blob.ReadCompressedInteger();
                            if (unwrapTask && arity == 1 && IsTaskOfT(definition))
                            {
                                return TypeName(ref blob, unwrapTask: false);
                            }

                            return isClass ? NameOf(definition) : null;
                        case ElementValueType:
                        default:
                            return null;
                    }
                }

                return null;
            }

            private bool IsTaskOfT(EntityHandle handle)
            {
                StringHandle name = handle.Kind switch
                {
                    HandleKind.TypeDefinition => _reader.GetTypeDefinition((TypeDefinitionHandle)handle).Name,
                    HandleKind.TypeReference => _reader.GetTypeReference((TypeReferenceHandle)handle).Name,
                    _ => default,
                };
                return !name.IsNil && (_reader.StringComparer.Equals(name, "Task`1") || _reader.StringComparer.Equals(name, "ValueTask`1"));
            }

            // The name GetTypeByMetadataName takes: Namespace.Name, nested types as Outer+Inner.
            private string? NameOf(EntityHandle handle)
            {
                if (_typeNames.TryGetValue(handle, out var known))
                {
                    return known;
                }

                string? name = null;
                if (handle.Kind == HandleKind.TypeDefinition)
                {
                    var definition = _reader.GetTypeDefinition((TypeDefinitionHandle)handle);
                    var declaring = definition.GetDeclaringType();
                    name = declaring.IsNil
                        ? Qualified(definition.Namespace, definition.Name)
                        : NameOf(declaring) is { } outer ? outer + "+" + _reader.GetString(definition.Name) : null;
                }
                else if (handle.Kind == HandleKind.TypeReference)
                {
                    var reference = _reader.GetTypeReference((TypeReferenceHandle)handle);
                    name = reference.ResolutionScope.Kind == HandleKind.TypeReference
                        ? NameOf(reference.ResolutionScope) is { } outer ? outer + "+" + _reader.GetString(reference.Name) : null
                        : Qualified(reference.Namespace, reference.Name);
                }

                _typeNames[handle] = name;
                return name;
            }

            private string Qualified(StringHandle ns, StringHandle name)
            {
                var simple = _reader.GetString(name);
                return ns.IsNil || _reader.GetString(ns) is not { Length: > 0 } prefix ? simple : prefix + "." + simple;
            }
        }
    }
}
