// Compiler support types that netstandard2.0 lacks, so our netstandard2.0 assemblies can use records and init.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
