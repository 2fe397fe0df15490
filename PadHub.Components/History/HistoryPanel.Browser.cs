using Microsoft.JSInterop;

namespace PadHub.Components.History;

/// <summary>What the panel needs the browser for: the selection in the shown text, saving a file, and restoring.</summary>
public sealed partial class HistoryPanel
{
    private async Task<HistorySelection?> ReadSelectionAsync()
    {
        try
        {
            var module = await ModuleAsync();
            return await module.InvokeAsync<HistorySelection?>("selection", _textBox);
        }
        catch (JSDisconnectedException)
        {
            return null;
        }
    }

    private async Task DownloadAsync(string fileName, string content)
    {
        try
        {
            var module = await ModuleAsync();
            await module.InvokeVoidAsync("download", fileName, content);
        }
        catch (JSDisconnectedException)
        {
            // The page is gone: nothing to save into.
        }
    }

    private async Task<int> RestoreAsync(int revision, int? passageFrom, int? passageTo)
    {
        var produced = await Connection.RestoreRevisionAsync(revision, passageFrom, passageTo);
        _loader?.Reset();
        return produced;
    }
}
