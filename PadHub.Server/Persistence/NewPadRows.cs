using PadHub.Core.Documents;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence;

/// <summary>The rows every new pad starts with, whether stand-alone or a session group's.</summary>
internal static class NewPadRows
{
    /// <summary>Adds the pad and its revision-0 snapshot, the initial text attributed to <see cref="SystemAuthor"/>.</summary>
    public static void Add(PadHubDbContext db, string padId, string? title, string initialText, DateTimeOffset now)
    {
        IReadOnlyList<AuthorRun> authorship = initialText.Length == 0 ? [] : [new AuthorRun(SystemAuthor.Id, initialText.Length)];
        db.Pads.Add(new PadEntity { Id = padId, CreatedAt = now, Title = title });
        db.Snapshots.Add(new SnapshotEntity
        {
            PadId = padId,
            Revision = 0,
            Text = initialText,
            Authorship = AuthorshipJson.Serialize(authorship),
            CreatedAt = now,
        });
    }
}
