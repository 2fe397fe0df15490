using System.Net;
using System.Net.Sockets;

namespace PadHub.Benchmarks.EditorFloor;

/// <summary>Serves the floor pages' folder on 127.0.0.1 (a module script needs http, not file://). Files only, no listing.</summary>
internal sealed class FloorSite : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly Task _loop;

    public FloorSite(string root)
    {
        _root = Path.GetFullPath(root);
        var port = FreePort();
        Address = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Address.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Address { get; }

    public void Dispose()
    {
        _listener.Close();
        // The loop ends once the listener is closed; a request being answered is allowed to finish.
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var response = context.Response;
            var name = Path.GetFileName(context.Request.Url?.AbsolutePath ?? "");
            var path = Path.Combine(_root, name);
            if (name.Length == 0 || !File.Exists(path))
            {
                response.StatusCode = 404;
                continue;
            }

            response.ContentType = name.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript" : "text/html; charset=utf-8";
            var bytes = await File.ReadAllBytesAsync(path);
            await response.OutputStream.WriteAsync(bytes);
        }
    }
}
