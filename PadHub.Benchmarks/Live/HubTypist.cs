using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace PadHub.Benchmarks.Live;

/// <summary>A note-taker bot on <c>/hubs/pad</c>: fills the pad, then types one character per Submit, each acknowledged before the next.</summary>
internal sealed class HubTypist(HubConnection connection, string padId, string clientId, int revision, string text) : IAsyncDisposable
{
    private long _seq;
    private int _revision = revision;
    private string _text = text;
    private int _caret;

    public static async Task<HubTypist> JoinAsync(Uri server, string padId, string token, CancellationToken cancellationToken)
    {
        var connection = HubLoadClient.CreateConnection(server);
        await connection.StartAsync(cancellationToken);
        var clientId = "viewbytes-" + Guid.NewGuid().ToString("N");
        var joined = await connection.InvokeAsync<JsonElement>("Join", new { padId, token, clientId, displayName = "Bytes bot" }, cancellationToken);
        return new HubTypist(connection, padId, clientId, joined.GetProperty("revision").GetInt32(), joined.GetProperty("text").GetString()!);
    }

    /// <summary>Appends Markdown paragraphs until the pad holds <paramref name="padBytes"/>, with the typing line at the end or the middle.</summary>
    public async Task FillAsync(int padBytes, bool atMiddle, CancellationToken cancellationToken)
    {
        var filler = new StringBuilder();
        var paragraph = 0;
        var markerAt = -1;
        while (_text.Length + filler.Length < padBytes)
        {
            if (markerAt < 0 && atMiddle && _text.Length + filler.Length >= padBytes / 2)
            {
                filler.Append(ViewBytesCommand.Marker).Append("\n\n");
                markerAt = _text.Length + filler.Length - 2;
            }

            paragraph++;
            filler.Append(CultureInfo.InvariantCulture, $"- Point {paragraph}: open data from diverse origins needs shared vocabularies, clear licences and people who maintain it over time.\n");
            if (paragraph % 8 == 0)
            {
                filler.Append(CultureInfo.InvariantCulture, $"\n### Notes {paragraph / 8}\n\n");
            }
        }

        if (markerAt < 0)
        {
            filler.Append("\n\n").Append(ViewBytesCommand.Marker);
            markerAt = _text.Length + filler.Length;
        }

        await SubmitAsync([_text.Length, filler.ToString()], filler.ToString(), _text.Length, cancellationToken);
        _caret = markerAt;
    }

    /// <summary>Types <paramref name="keys"/> characters at the caret; returns them.</summary>
    public async Task<string> TypeAsync(int keys, int keyDelay, CancellationToken cancellationToken)
    {
        const string alphabet = "the quick brown fox jumps over a lazy dog ";
        var typed = new StringBuilder();
        var next = Stopwatch.GetTimestamp();
        for (var i = 0; i < keys; i++)
        {
            var c = alphabet[i % alphabet.Length].ToString();
            await SubmitAsync(Insert(_caret, c), c, _caret, cancellationToken);
            _caret++;
            typed.Append(c);
            next += Stopwatch.Frequency * keyDelay / 1000;
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }
        }

        return typed.ToString();
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();

    private object[] Insert(int at, string s) => at == _text.Length ? [at, s] : [at, s, _text.Length - at];

    private async Task SubmitAsync(object[] ops, string inserted, int at, CancellationToken cancellationToken)
    {
        var result = await connection.InvokeAsync<JsonElement>("Submit",
            new { padId, clientId, seq = ++_seq, baseRevision = _revision, ops = ops.Where(o => o is not int n || n != 0).ToArray() },
            cancellationToken);
        _revision = result.GetProperty("revision").GetInt32();
        _text = _text.Insert(at, inserted);
    }
}
