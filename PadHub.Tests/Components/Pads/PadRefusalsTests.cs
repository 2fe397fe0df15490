using PadHub.Components.Contracts.Pads;
using PadHub.Components.Pads;

namespace PadHub.Tests.Components.Pads;

/// <summary>A refusal as a page says it: by its code, in the page's language, never the server's English message.</summary>
public sealed class PadRefusalsTests
{
    [Theory]
    [InlineData(PadErrorCodes.Forbidden, "Ce lien ne le permet pas pour l’instant.")]
    [InlineData(PadErrorCodes.NotFound, "Ce lien ne fonctionne plus : il est inconnu ou a été remplacé.")]
    [InlineData(PadErrorCodes.RateLimited, "Trop de demandes à la fois : attendez un instant et réessayez.")]
    [InlineData(PadErrorCodes.TooLarge, "Cela dépasse la limite du serveur.")]
    [InlineData(PadErrorCodes.InvalidOp, "Le serveur n’a pas pu accepter cette demande.")]
    [InlineData(PadErrorCodes.StaleRevision, "La page n’était plus à jour : réessayez.")]
    [InlineData("some-new-code", "Le serveur n’a pas pu le faire. Réessayez.")]
    public void Describe_French_SaysTheCodeInFrenchWithoutTheServersMessage(string code, string expected)
    {
        using var _ = CultureScope.French();

        var text = PadRefusals.Describe(new PadException(code, "This English message is for API clients."), TestLocalizer.For<PadRefusals>());

        Assert.Equal(expected, text);
    }

    [Fact]
    public void Describe_RateLimitedWithRetryAfter_SaysWhenInTheLanguage()
    {
        var refusal = new PadException(PadErrorCodes.RateLimited, "Too many sessions created.") { RetryAfter = TimeSpan.FromSeconds(61) };

        using (CultureScope.French())
        {
            Assert.Equal("Trop de demandes depuis cette adresse : réessayez dans 2 min.", PadRefusals.Describe(refusal, TestLocalizer.For<PadRefusals>()));
        }

        using (new CultureScope("en"))
        {
            Assert.Equal("Too many requests from this address: try again in 2 min.", PadRefusals.Describe(refusal, TestLocalizer.For<PadRefusals>()));
        }
    }
}
