using System.Collections.Generic;

namespace Residency.Analyzers.Flow
{
    /// <summary>The fixpoint over the names the bodies mention: which bodies are candidates, which name a possible sink.</summary>
    internal sealed partial class CandidateIndex
    {
        private sealed partial class Builder
        {
            public CandidateIndex Solve()
            {
                var candidates = new bool[_owners.Count];
                var silent = new bool[_owners.Count];
                var names = new HashSet<string>(System.StringComparer.Ordinal);
                var pending = new Queue<string>();

                void AddName(string name)
                {
                    if (names.Add(name))
                    {
                        pending.Enqueue(name);
                    }
                }

                void Mark(int id)
                {
                    if (candidates[id])
                    {
                        return;
                    }

                    candidates[id] = true;
                    var owner = _owners[id];
                    if (owner.Export is not null && !silent[id])
                    {
                        AddName(owner.Export);
                    }

                    // A field or auto-property of its type that a candidate writes may hold personal data (FlowEngine field stores).
                    if (owner.TypeKey is not null && owner.Written is not null && _storage.TryGetValue(owner.TypeKey, out var stored))
                    {
                        foreach (var name in owner.Written)
                        {
                            if (stored.Contains(name))
                            {
                                AddName(name);
                            }
                        }
                    }
                }

                foreach (var name in _seedNames)
                {
                    AddName(name);
                }

                for (int id = 0; id < _owners.Count; id++)
                {
                    if (_owners[id].Seed)
                    {
                        Mark(id);
                    }
                }

                foreach (var (owner, export) in _seedOwners)
                {
                    if (!export && _ownerIds.TryGetValue(owner, out var id))
                    {
                        silent[id] = true;
                    }
                }

                foreach (var (owner, _) in _seedOwners)
                {
                    if (_ownerIds.TryGetValue(owner, out var id))
                    {
                        Mark(id);
                    }
                }

                while (pending.Count > 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    if (_byName.TryGetValue(pending.Dequeue(), out var ids))
                    {
                        foreach (var id in ids)
                        {
                            Mark(id);
                        }
                    }
                }

                var mentionsSinkName = new bool[_owners.Count];
                foreach (var name in _sinkNames)
                {
                    if (_byName.TryGetValue(name, out var ids))
                    {
                        foreach (var id in ids)
                        {
                            mentionsSinkName[id] = true;
                        }
                    }
                }

                return new CandidateIndex(_ownerIds, candidates, mentionsSinkName, _sinkNames)
                {
                    _quietStorage = QuietStorage(candidates),
                    _everySinkName = _sinksUnknown,
                    _reachesRecipient = _recipientNames is null ? null : ReachRecipients(mentionsSinkName),
                };
            }

            /// <summary>
            /// The fields and auto-properties (per type key) that no candidate body of their type names: nothing that touches
            /// personal data can store into them, so what the type's methods store there is empty whoever reads them.
            /// </summary>
            private Dictionary<string, HashSet<string>> QuietStorage(bool[] candidates)
            {
                // One pass over the bodies that mention a storage name (not one per type: a name such as _client is a field
                // of hundreds of types and is mentioned in thousands of bodies).
                var storageNames = new HashSet<string>(System.StringComparer.Ordinal);
                foreach (var names in _storage.Values)
                {
                    storageNames.UnionWith(names);
                }

                var named = new HashSet<(string TypeKey, string Name)>();
                foreach (var name in storageNames)
                {
                    if (!_byName.TryGetValue(name, out var ids))
                    {
                        continue;
                    }

                    foreach (var id in ids)
                    {
                        if (candidates[id] && _owners[id].TypeKey is { } typeKey)
                        {
                            named.Add((typeKey, name));
                        }
                    }
                }

                // Types whose every storage is named by a candidate have no entry (StoresNothingPersonal: false).
                var quiet = new Dictionary<string, HashSet<string>>(System.StringComparer.Ordinal);
                foreach (var pair in _storage)
                {
                    HashSet<string>? names = null;
                    foreach (var name in pair.Value)
                    {
                        if (!named.Contains((pair.Key, name)))
                        {
                            (names ??= new HashSet<string>(System.StringComparer.Ordinal)).Add(name);
                        }
                    }

                    if (names is not null)
                    {
                        quiet[pair.Key] = names;
                    }
                }

                return quiet;
            }
        }

        private readonly struct Owner
        {
            public Owner(string? export, string? typeKey, bool seed, List<string>? written)
            {
                Export = export;
                TypeKey = typeKey;
                Seed = seed;
                Written = written;
            }

            /// <summary>Names the body may store into (<see cref="Builder"/>.CollectWritten).</summary>
            public List<string>? Written { get; }

            /// <summary>The name by which other bodies call this one (method name, property name for a getter).</summary>
            public string? Export { get; }

            /// <summary>The containing type, for the storage rule.</summary>
            public string? TypeKey { get; }

            /// <summary>A candidate whatever the names (a target-typed <c>new()</c>).</summary>
            public bool Seed { get; }

            /// <summary>The name by which a caller hands data to this body: method, constructor's type, any accessor's property.</summary>
            public string? CallName { get; init; }

            public bool Constructor { get; init; }

            /// <summary>The body may run without its name written at the call (<c>Builder.CalledImplicitly</c>).</summary>
            public bool CalledImplicitly { get; init; }

            /// <summary>A <c>[KernelFunction]</c> method: its return value may reach a model.</summary>
            public bool Tool { get; init; }
        }
    }
}
