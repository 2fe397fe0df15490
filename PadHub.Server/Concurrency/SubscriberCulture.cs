using System.Globalization;

namespace PadHub.Server.Concurrency;

/// <summary>
/// The language of whoever subscribed to changes (a view's circuit), so that what is delivered to it renders in that
/// person's language, not in the language of the person whose action produced the change (culture flows with the
/// producer's call otherwise).
/// </summary>
/// <param name="Culture">Dates, times and numbers.</param>
/// <param name="UiCulture">The texts.</param>
internal readonly record struct SubscriberCulture(CultureInfo Culture, CultureInfo UiCulture)
{
    /// <summary>The current thread's cultures: call it where the subscriber subscribes.</summary>
    public static SubscriberCulture Capture() => new(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    /// <summary>Makes these cultures current; inside an async method the change ends with the method.</summary>
    public void Apply()
    {
        CultureInfo.CurrentCulture = Culture;
        CultureInfo.CurrentUICulture = UiCulture;
    }

    /// <summary>Calls <paramref name="action"/> in these cultures and gives the caller back its own.</summary>
    public void Run<T>(Action<T> action, T value)
    {
        ArgumentNullException.ThrowIfNull(action);
        var caller = Capture();
        Apply();
        try
        {
            action(value);
        }
        finally
        {
            caller.Apply();
        }
    }
}
