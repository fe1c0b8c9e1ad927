using System.Collections.Generic;
using System.Linq;

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

                System.Action<string> addName = AddName;

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
                    foreach (var name in StoredNames(owner))
                    {
                        AddName(name);
                    }

                    // So may a static field or auto-property of another type that it writes (Registry.Current = c.Email).
                    ForEachForeignStatic(owner, addName, static (_, name, add) => add(name));
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

                void Drain()
                {
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
                }

                Drain();

                // A method that stores what it is passed into a field of its type (void Remember(string s) => _last = s;) is a
                // candidate once a candidate of its type calls it: the field may then hold personal data (the engine binds
                // the call to the method's summary), and the bodies that read the field become candidates in turn.
                var storers = Storers();
                bool marked;
                do
                {
                    marked = false;
                    foreach (var id in storers)
                    {
                        if (!candidates[id] && CalledByCandidateOfItsType(id, candidates))
                        {
                            Mark(id);
                            marked = true;
                        }
                    }

                    Drain();
                }
                while (marked);

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

                var isStorer = new bool[_owners.Count];
                foreach (var id in storers)
                {
                    isStorer[id] = true;
                }

                var named = new HashSet<(string TypeKey, string Name)>();
                var foreignStaticWriters = ForeignStaticWriters(candidates, named);
                return new CandidateIndex(_ownerIds, candidates, mentionsSinkName, _sinkNames)
                {
                    _storers = isStorer,
                    _quietStorage = QuietStorage(candidates, named),
                    _foreignStaticWriters = foreignStaticWriters,
                    _everySinkName = _sinksUnknown,
                    WalkedAssemblies = _walked,
                    _reachesRecipient = _recipientNames is null ? null : ReachRecipients(mentionsSinkName),
                };
            }

            /// <summary>
            /// The fields and auto-properties of its own type that a body may store into: those it writes, and those it hands
            /// to a call unless their type is one a callee cannot fill (with <paramref name="asTheEngineStores"/>, also those:
            /// the engine's parameter stores go through a boxing conversion, <c>Send(Level)</c> with <c>Send(object o)</c>).
            /// </summary>
            private IEnumerable<string> StoredNames(Owner owner, bool asTheEngineStores = false)
            {
                if (owner.TypeKey is null || !_storage.TryGetValue(owner.TypeKey, out var stored))
                {
                    yield break;
                }

                foreach (var name in owner.Written ?? Enumerable.Empty<string>())
                {
                    if (stored.Contains(name))
                    {
                        yield return name;
                    }
                }

                foreach (var name in owner.Passed ?? Enumerable.Empty<string>())
                {
                    if (stored.Contains(name) && (asTheEngineStores || !_unfillable.Contains((owner.TypeKey, name))))
                    {
                        yield return name;
                    }
                }
            }

            /// <summary>
            /// The methods and accessors (not constructors) that may store into a field or auto-property of their own type,
            /// directly or through another such method of the type they name (<c>void Keep(string v) => Remember(v);</c>,
            /// <c>set => _contact = value;</c>).
            /// </summary>
            private List<int> Storers()
            {
                var storers = new List<int>();
                var isStorer = new bool[_owners.Count];
                for (int id = 0; id < _owners.Count; id++)
                {
                    var owner = _owners[id];
                    if (IsMethod(owner) && StoredNames(owner).Any())
                    {
                        isStorer[id] = true;
                        storers.Add(id);
                    }
                }

                for (int i = 0; i < storers.Count; i++)
                {
                    var storer = _owners[storers[i]];
                    if (!_byName.TryGetValue(storer.CallName!, out var callers))
                    {
                        continue;
                    }

                    foreach (var caller in callers)
                    {
                        if (!isStorer[caller] && IsMethod(_owners[caller]) && string.Equals(_owners[caller].TypeKey, storer.TypeKey, System.StringComparison.Ordinal))
                        {
                            isStorer[caller] = true;
                            storers.Add(caller);
                        }
                    }
                }

                return storers;

                // A method or an accessor (a setter storing value into a field), not a constructor.
                static bool IsMethod(Owner owner) => !owner.Constructor && owner.CallName is not null && owner.TypeKey is not null;
            }

            /// <summary>Whether a candidate body of the same type names the method <paramref name="id"/> (may call it).</summary>
            private bool CalledByCandidateOfItsType(int id, bool[] candidates)
            {
                var owner = _owners[id];
                if (!_byName.TryGetValue(owner.CallName!, out var callers))
                {
                    return false;
                }

                foreach (var caller in callers)
                {
                    if (caller != id && candidates[caller] && string.Equals(_owners[caller].TypeKey, owner.TypeKey, System.StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>
            /// The fields and auto-properties (per type key) that no candidate body of their type may store into
            /// (<see cref="StoredNames"/>: it writes them, calls a method on them, or hands them to a call), and no candidate
            /// of another type stores into (<paramref name="named"/>, static storage): nothing that touches personal data can
            /// store into them, so what the compilation stores there is empty however many bodies read them. The engine's
            /// field writers are the same bodies (its own pre-filter, <c>FlowEngine.StoredMembers</c>, is checked against this
            /// rule on every analyzer test's compilation).
            /// </summary>
            [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
            private Dictionary<string, HashSet<string>> QuietStorage(bool[] candidates, HashSet<(string TypeKey, string Name)> named)
            {
                for (int id = 0; id < _owners.Count; id++)
                {
                    if (candidates[id] && _owners[id].TypeKey is { } typeKey)
                    {
                        foreach (var name in StoredNames(_owners[id], asTheEngineStores: true))
                        {
                            named.Add((typeKey, name));
                        }
                    }
                }

                // Types whose every storage a candidate may store into have no entry (StoresNothingPersonal: false).
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

            /// <summary>Names the body hands as they are to a call, which may fill them (<see cref="Builder"/>.CollectWritten).</summary>
            public List<string>? Passed { get; init; }

            /// <summary>The name by which other bodies call this one (method name, property name for a getter).</summary>
            public string? Export { get; }

            /// <summary>The containing type, for the storage rule.</summary>
            public string? TypeKey { get; }

            /// <summary>A candidate whatever the names (a target-typed <c>new()</c>).</summary>
            public bool Seed { get; }

            /// <summary>The name by which a caller hands data to this body: method, constructor's type, any accessor's property.</summary>
            public string? CallName { get; init; }

            public bool Constructor { get; init; }

            /// <summary>A method (not an accessor, constructor or operator): the engine follows it only where a body calls it by name.</summary>
            public bool Method { get; init; }

            /// <summary>The syntax in the body that calls members by pattern (<c>foreach</c>, a collection initializer, <c>await</c>, …).</summary>
            public ImplicitCalls ImplicitCalls { get; init; }

            /// <summary>The body may run without its name written at the call (<c>Builder.CalledImplicitly</c>).</summary>
            public bool CalledImplicitly { get; init; }

            /// <summary>A <c>[KernelFunction]</c> method: its return value may reach a model.</summary>
            public bool Tool { get; init; }
        }
    }
}
