using PadHub.Components.Contracts.Pads;
using PadHub.Components.Pads;

namespace PadHub.Tests.Components.Pads;

public sealed class ViewStatusExtensionsTests
{
    [Theory]
    [InlineData(PadErrorCodes.NotFound, ViewStatus.NotFound)]
    [InlineData(PadErrorCodes.Forbidden, ViewStatus.Forbidden)]
    [InlineData(PadErrorCodes.InvalidOp, ViewStatus.Failed)]
    [InlineData(PadErrorCodes.StaleRevision, ViewStatus.Failed)]
    [InlineData(PadErrorCodes.TooLarge, ViewStatus.Failed)]
    [InlineData(PadErrorCodes.RateLimited, ViewStatus.Failed)]
    [InlineData("unheard-of", ViewStatus.Failed)]
    public void ToViewStatus_Code_ClassifiesTheRefusal(string code, ViewStatus expected)
    {
        var refusal = new PadException(code, "refused");

        Assert.Equal(expected, refusal.ToViewStatus());
    }

    [Fact]
    public void ToViewStatus_ClientIdInUse_IsForbiddenLikeAnyForbiddenJoin()
    {
        var refusal = new PadException(PadErrorCodes.Forbidden, "in use") { ClientIdInUse = true };

        Assert.Equal(ViewStatus.Forbidden, refusal.ToViewStatus());
    }

    [Theory]
    [InlineData(ViewStatus.Opening, false, false)]
    [InlineData(ViewStatus.Ready, false, false)]
    [InlineData(ViewStatus.NotFound, true, true)]
    [InlineData(ViewStatus.Forbidden, true, true)]
    [InlineData(ViewStatus.Failed, false, true)]
    public void IsInvalidLinkAndIsRefused_Status_SayWhatTheViewShows(ViewStatus status, bool invalidLink, bool refused)
    {
        Assert.Equal(invalidLink, status.IsInvalidLink());
        Assert.Equal(refused, status.IsRefused());
    }
}
