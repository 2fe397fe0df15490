using System.Globalization;
using PadHub.Server.Concurrency;

namespace PadHub.Tests.Server.Concurrency;

/// <summary>Changes reach a view in its own language, whoever's action produced them.</summary>
public sealed class SubscriberCultureTests
{
    [Fact]
    public void Run_FromAnotherCulture_RunsInTheSubscribersAndGivesTheCallerItsOwnBack()
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (CultureInfo.GetCultureInfo("fr-FR"), CultureInfo.GetCultureInfo("fr-FR"));
            var subscriber = SubscriberCulture.Capture();
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (CultureInfo.GetCultureInfo("en-GB"), CultureInfo.GetCultureInfo("en-GB"));

            var seen = ("", "");
            subscriber.Run(_ => seen = (CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name), 0);

            Assert.Equal(("fr-FR", "fr-FR"), seen);
            Assert.Equal(("en-GB", "en-GB"), (CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
