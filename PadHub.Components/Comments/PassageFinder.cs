namespace PadHub.Components.Comments;

/// <summary>Where a passage selected in a rendered pad is in its Markdown.</summary>
public static class PassageFinder
{
    /// <summary>
    /// The first occurrence of <paramref name="selected"/> (trimmed) in <paramref name="text"/>, or null when it is empty
    /// or not there (a selection across rendered Markdown syntax, e.g. over bold text and its neighbours).
    /// </summary>
    public static (int From, int To)? Find(string? text, string? selected)
    {
        var passage = selected?.Trim();
        if (string.IsNullOrEmpty(text) || string.IsNullOrEmpty(passage))
        {
            return null;
        }

        var at = text.IndexOf(passage, StringComparison.Ordinal);
        return at < 0 ? null : (at, at + passage.Length);
    }
}
