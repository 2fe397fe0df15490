using System.Security.Cryptography;
using Microsoft.AspNetCore.Components;
using PadHub.Components.Contracts.Pads;

namespace PadHub.Components.History;

/// <summary>Hosts <see cref="HistoryPanel"/> on a read-only page over a viewer connection of its own.</summary>
public sealed partial class ReadOnlyHistory : ComponentBase
{
    private IPadConnection? _connection;
    private IReadOnlyList<PadAuthor> _authors = [];
    private int _head;
    private string? _error;
    private bool _disposed;

    /// <summary>The page's link token (a view link: the connection can read, never write).</summary>
    [Parameter, EditorRequired]
    public required string Token { get; set; }

    /// <summary>"Back to live": the page closes the panel.</summary>
    [Parameter]
    public EventCallback OnClose { get; set; }

    [Inject]
    private IPadSessionService Sessions { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        // A fresh secret client id per opening: the page has no tab identity, and a view link creates no author with it.
        var request = new PadJoinRequest(Token, RandomNumberGenerator.GetHexString(PadJoinRequest.MinClientIdLength, lowercase: true),
            // Shown in the pad's presence list while the panel is open: in this reader's language, like a name they typed.
            L["ViewerName"]);
        IPadConnection connection;
        try
        {
            connection = await Sessions.ConnectAsync(request, this);
        }
        catch (PadException ex)
        {
            _error = HistoryErrors.Describe(ex, ErrorText);
            return;
        }

        if (_disposed)
        {
            await connection.DisposeAsync();
            return;
        }

        _head = connection.Joined.Revision;
        _authors = connection.Joined.Authors;
        _connection = connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    ValueTask IPadListener.OnOperationAppliedAsync(PadOperationEvent operation) =>
        new(InvokeAsync(() =>
        {
            if (operation.Revision > _head)
            {
                _head = operation.Revision;
                StateHasChanged();
            }
        }));

    ValueTask IPadListener.OnResyncRequiredAsync(int fromRevision) => ValueTask.CompletedTask;

    ValueTask IPadListener.OnParticipantsChangedAsync(IReadOnlyList<PadParticipant> participants) =>
        new(InvokeAsync(() =>
        {
            var present = participants.Select(p => p.AuthorId).ToHashSet(StringComparer.Ordinal);
            _authors = [.. _authors.Where(a => !present.Contains(a.AuthorId)), .. participants.Select(p => new PadAuthor(p.AuthorId, p.DisplayName, p.Color))];
            StateHasChanged();
        }));

    ValueTask IPadListener.OnCaretMovedAsync(PadCaret caret) => ValueTask.CompletedTask;
}
