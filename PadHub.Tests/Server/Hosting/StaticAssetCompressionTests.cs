using System.IO.Compression;
using System.Net;

namespace PadHub.Tests.Server.Hosting;

// The pages link MudBlazor's assets by their fingerprinted routes (App.razor's @Assets[...]); a client that accepts
// compression must get them compressed, byte for byte the same once decoded (issue 15: they went out as 627 KB + 70 KB).
public sealed class StaticAssetCompressionTests : IAsyncLifetime
{
    private const string AcceptEncoding = "gzip, deflate, br, zstd"; // what Chromium sends

    private readonly PadHubServerFactory _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("css")]
    [InlineData("js")]
    public async Task Get_FingerprintedMudBlazorAsset_AcceptingCompression_IsCompressedAndDecodesToTheAsset(string extension)
    {
        using var client = _server.CreateHttpClient();
        var route = await LinkedRouteAsync(client, extension);

        using var compressed = await GetAsync(client, route, AcceptEncoding);
        using var identity = await GetAsync(client, route, acceptEncoding: null);

        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        var encoding = Assert.Single(compressed.Content.Headers.ContentEncoding);
        Assert.Contains(encoding, (string[])["br", "gzip"]);
        // (Caching headers are not checked: in Development MapStaticAssets answers no-cache on every route.)
        Assert.Empty(identity.Content.Headers.ContentEncoding);
        var original = await identity.Content.ReadAsByteArrayAsync();
        var encoded = await compressed.Content.ReadAsByteArrayAsync();
        // (Sizes are not checked either: the test server, in Development, answered the CSS gzip-encoded at full size,
        // stored rather than compressed, though the manifest names a 66 KB copy; a publish serves 43 KB of br, see
        // docs/BENCHMARKS-phones.md.)
        Assert.Equal(original, Decode(encoded, encoding));
    }

    // The route the home page links, as App.razor's @Assets resolves it: fingerprinted.
    private static async Task<string> LinkedRouteAsync(HttpClient client, string extension)
    {
        const string prefix = "_content/MudBlazor/MudBlazor.min.";
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var routes = html.Split('"').Where(v => v.StartsWith(prefix, StringComparison.Ordinal) && v.EndsWith("." + extension, StringComparison.Ordinal));
        var route = Assert.Single(routes.Distinct());
        var fingerprint = route[prefix.Length..^(extension.Length + 1)];
        Assert.True(fingerprint.Length >= 6 && fingerprint.All(char.IsAsciiLetterOrDigit), $"{route} is not fingerprinted");
        return "/" + route;
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string route, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(route, UriKind.Relative));
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return client.SendAsync(request);
    }

    private static byte[] Decode(byte[] encoded, string encoding)
    {
        using var input = new MemoryStream(encoded);
        using Stream decoder = encoding == "br"
            ? new BrotliStream(input, CompressionMode.Decompress)
            : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
