using PadHub.Components.Pads;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using PadHub.Components.Contracts.Pads;

namespace PadHub.Components.Editor;

// Comments in the editor's margin: the threads (through the connection, so the server checks each call), "Comment" on
// the selection (its offsets at the client's revision, which the server moves to the head), reply, resolve, and
// "show in the pad" selecting a thread's passage.
public sealed partial class PadEditor
{
    private PadComments? _comments;
    private string? _commentsText;
    private bool _commentsOpen;
    private CommentDraft? _commentDraft;
    private string? _commentDraftQuote;
    private string? _commentHint;

    [Microsoft.AspNetCore.Components.Inject]
    private IStringLocalizer<PadEditorComments> CommentsL { get; set; } = default!;

    private PadCommentRights CommentRights => _connection?.CommentRights ?? PadCommentRights.None;

    ValueTask IPadListener.OnCommentsChangedAsync(PadComments comments) =>
        Forward(() => _ = ShowCommentsAsync(comments));

    private async Task ToggleComments()
    {
        _commentsOpen = !_commentsOpen;
        if (_commentsOpen && _comments is null && _connection is not null)
        {
            try
            {
                await ShowCommentsAsync(await _connection.GetCommentsAsync());
            }
            catch (PadException ex)
            {
                _commentHint = PadRefusals.Describe(ex, Refusals);
            }
        }
    }

    private async Task ShowCommentsAsync(PadComments comments)
    {
        if (_comments is { } shown && shown.Revision > comments.Revision && shown.Comments.Count >= comments.Comments.Count)
        {
            return; // an older list overtaken by a newer one
        }

        _comments = comments;

        // Passages are quoted from the editor's text: exact at the comments' revision, close enough between updates.
        _commentsText = await EditorTextAsync();
        StateHasChanged();
    }

    private async Task StartCommentAsync()
    {
        _commentsOpen = true;
        var selection = _module is null ? null : await _module.InvokeAsync<CommentDraft?>("commentSelection", _root);
        if (selection is null)
        {
            _commentHint = CommentsL["SelectFirst"];
            _commentDraft = null;
        }
        else
        {
            _commentHint = null;
            _commentDraft = selection;
            var text = await EditorTextAsync();
            _commentDraftQuote = text is not null && selection.To <= text.Length ? text[selection.From..selection.To] : null;
        }

        if (_comments is null && _connection is not null)
        {
            await ShowCommentsAsync(await _connection.GetCommentsAsync());
        }
    }

    private async Task AddCommentAsync(string text)
    {
        if (_connection is null || _commentDraft is not { } draft)
        {
            return;
        }

        await _connection.AddCommentAsync(new PadCommentRequest(draft.From, draft.To, text, Revision: draft.Revision));
        _commentDraft = null;
    }

    private Task ReplyToCommentAsync(string threadId, string text) =>
        _connection is null ? Task.CompletedTask : _connection.AddCommentAsync(new PadCommentRequest(0, 0, text, threadId));

    private async Task ResolveCommentAsync(string commentId)
    {
        try
        {
            if (_connection is not null)
            {
                await _connection.ResolveCommentAsync(commentId);
            }
        }
        catch (PadException ex)
        {
            _commentHint = PadRefusals.Describe(ex, Refusals);
        }
    }

    private async Task RevealCommentAsync(string commentId)
    {
        if (_comments?.Comments.FirstOrDefault(c => c.CommentId == commentId) is { } comment && _module is not null)
        {
            Enqueue((m, ct) => m.InvokeVoidAsync("selectPassage", ct, _root, comment.From, comment.To));
            await _queue.Idle;
        }
    }

    private async Task<string?> EditorTextAsync()
    {
        try
        {
            return _module is null ? null : await _module.InvokeAsync<string?>("text", _root);
        }
        catch (JSException)
        {
            return null;
        }
    }

    /// <summary>A selection to comment on, at <see cref="Revision"/> (the JS's <c>commentSelection</c>).</summary>
    private sealed record CommentDraft(int Revision, int From, int To);
}
