using PadHub.Core.Documents;

namespace PadHub.Tests.Core.Documents;

/// <summary>Everything observable about a <see cref="PadDocument"/>, to assert that a failed call changed nothing.</summary>
internal sealed record DocumentState(int Revision, int OldestBaseRevision, string Text, AuthorRun[] Authorship, CommittedOperation[] History)
{
    public static DocumentState Of(PadDocument document) => new(
        document.Revision,
        document.OldestBaseRevision,
        document.GetText(),
        [.. document.GetAuthorship()],
        [.. document.GetHistory(document.OldestBaseRevision)]);

    public void AssertSameAs(PadDocument document)
    {
        var now = Of(document);
        Assert.Equal(Revision, now.Revision);
        Assert.Equal(OldestBaseRevision, now.OldestBaseRevision);
        Assert.Equal(Text, now.Text);
        Assert.Equal(Authorship, now.Authorship);
        Assert.Equal(History, now.History);
        document.CheckInvariants();
    }
}
