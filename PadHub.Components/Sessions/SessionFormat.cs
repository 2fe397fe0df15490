using System.Globalization;

namespace PadHub.Components.Sessions;

/// <summary>How the session views write times.</summary>
public static class SessionFormat
{
    /// <summary>A countdown: <c>12:05</c>, <c>1:02:03</c>, or <c>-0:42</c> once the phase overran.</summary>
    public static string Countdown(TimeSpan remaining)
    {
        // Whole seconds, rounded up while counting down so 0:00 shows only when the time is really up.
        var seconds = (long)Math.Ceiling(remaining.TotalSeconds);
        var sign = seconds < 0 ? "-" : "";
        var abs = TimeSpan.FromSeconds(Math.Abs(seconds));
        return abs.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{sign}{(int)abs.TotalHours}:{abs.Minutes:00}:{abs.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{sign}{abs.Minutes}:{abs.Seconds:00}");
    }

    /// <summary>"just now", "45 s ago", "3 min ago", "2 h ago".</summary>
    public static string Ago(TimeSpan elapsed)
    {
        if (elapsed < TimeSpan.FromSeconds(5))
        {
            return "just now";
        }

        if (elapsed < TimeSpan.FromMinutes(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalSeconds} s ago");
        }

        return elapsed < TimeSpan.FromHours(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalMinutes} min ago")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalHours} h ago");
    }
}
