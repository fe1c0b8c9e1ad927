using Residency.Analyzers.Endpoints;
using Xunit;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// .NET Aspire's blob container connection string (<c>AddAzureBlobContainerClient</c>):
    /// <c>Endpoint={value};ContainerName={name}</c>, where the value is the blob service URI or, for the local emulator, a
    /// whole storage connection string in quotes whose semicolons are its own.
    /// </summary>
    public class ContainerConnectionStringTests
    {
        [Theory]
        [InlineData("Endpoint=https://acme.blob.core.windows.net/;ContainerName=photos", true, "https://acme.blob.core.windows.net/")]
        [InlineData("ContainerName=photos; Endpoint = https://acme.blob.core.windows.net/", true, "https://acme.blob.core.windows.net/")]
        [InlineData("endpoint=https://acme.blob.core.windows.net;containername=photos;", true, "https://acme.blob.core.windows.net")]
        [InlineData("Endpoint=\"DefaultEndpointsProtocol=http;AccountName=dev;BlobEndpoint=http://127.0.0.1:10000/dev;\";ContainerName=photos", true, "DefaultEndpointsProtocol=http;AccountName=dev;BlobEndpoint=http://127.0.0.1:10000/dev;")]
        [InlineData("Endpoint='UseDevelopmentStorage=true';ContainerName=photos", true, "UseDevelopmentStorage=true")]
        [InlineData("stray;Endpoint=https://acme.blob.core.windows.net/;ContainerName=photos", true, "https://acme.blob.core.windows.net/")]
        [InlineData("Endpoint=https://acme.blob.core.windows.net/;ContainerName=", false, "https://acme.blob.core.windows.net/")]
        public void ReadsTheEndpoint(string text, bool complete, string expected) =>
            Assert.Equal(expected, UrlText.ContainerConnectionEndpoint(text, complete));

        [Theory]
        [InlineData("Endpoint=https://acme.blob.core.windows.net/", true)] // no container: not this form
        [InlineData("DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=a2V5", true)]
        [InlineData("https://acme.blob.core.windows.net/photos", true)]
        [InlineData("ContainerName=photos;Endpoint=https://acme.blob", false)] // the endpoint runs into the unknown rest
        [InlineData("ContainerName=photos;Endpoint=\"AccountName=dev;Blob", false)] // an unclosed quote
        [InlineData("Endpoint=;ContainerName=photos", true)]
        [InlineData("", true)]
        public void IsNullForOtherText(string text, bool complete) => Assert.Null(UrlText.ContainerConnectionEndpoint(text, complete));

        [Theory]
        [InlineData("Endpoint=https://acmephotos.blob.core.windows.net/;ContainerName=photos", "acmephotos.blob.core.windows.net")]
        [InlineData("Endpoint=\"DefaultEndpointsProtocol=https;AccountName=acmephotos;AccountKey=a2V5;EndpointSuffix=core.windows.net\";ContainerName=photos", "acmephotos.blob.core.windows.net")]
        [InlineData("Endpoint=\"UseDevelopmentStorage=true\";ContainerName=photos", "127.0.0.1")]
        public void GivesTheStorageHost(string text, string host) =>
            Assert.Equal(host, UrlText.StorageHost(text, complete: true, "BlobEndpoint", out _));
    }
}
