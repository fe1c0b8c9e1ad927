using System;
using System.Reflection.Metadata;
using Microsoft.CodeAnalysis;

namespace Residency.Analyzers.Model
{
    /// <summary>The metadata tables of a referenced module, which the pre-filter's indexes read instead of symbols.</summary>
    internal static class ModuleTables
    {
        /// <summary>
        /// The reader of <paramref name="module"/>'s metadata, or null when it has none of its own (a source module, a
        /// compilation reference) or it cannot be read. <c>IModuleSymbol.GetMetadata()</c> hands out a new
        /// <c>ModuleMetadata</c> copy at each call, all of them over the same reader: the indexes are memoised per reader.
        /// </summary>
        public static MetadataReader? ReaderOf(IModuleSymbol module)
        {
            try
            {
                return module.GetMetadata()?.GetMetadataReader();
            }
            catch (BadImageFormatException)
            {
                return null;
            }
        }
    }
}
