namespace Residency.Build.Reading
{
    /// <summary>
    /// An <c>inventory.json</c> of another assembly to merge: a project reference's, or one shipped in a NuGet package,
    /// with the assembly its facts default to (the package id for a package). A class, not a tuple: the task's ReadyToRun
    /// image has code for the framework's generics over reference types only (docs/inventory.md, "The task's ReadyToRun images").
    /// </summary>
    internal sealed record ReferencedInventory(string Path, string? Assembly);
}
