namespace Residency.Build.Reading
{
    /// <summary>What a reader got from one file: the facts, or why it could not read them (or both, when partly readable).</summary>
    internal sealed class ReadResult
    {
        public ReadResult(FactSet facts, string? problem)
        {
            Facts = facts;
            Problem = problem;
        }

        public FactSet Facts { get; }

        /// <summary>Null when the file was read cleanly; otherwise a sentence for the RES010 warning.</summary>
        public string? Problem { get; }

        public bool Failed => Problem is not null;
    }
}
