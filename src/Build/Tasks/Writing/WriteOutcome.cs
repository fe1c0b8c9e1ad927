using System;

namespace Residency.Build.Writing
{
    /// <summary>
    /// What writing one output came to: whether the file was written (false: it was up to date, or the write failed), and
    /// the I/O error that stopped it. A class, not a tuple, for the same reason as <see cref="Reading.ReferencedInventory"/>.
    /// </summary>
    internal sealed record WriteOutcome(bool Written, Exception? Error);
}
