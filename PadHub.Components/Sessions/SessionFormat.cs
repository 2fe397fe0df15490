using System.Globalization;
using Microsoft.Extensions.Localization;

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

    /// <summary>"just now", "45 s ago", "3 min ago", "2 h ago", in the language of <paramref name="text"/>.</summary>
    /// <param name="text">A localiser with the keys <c>AgoNow</c>, <c>AgoSeconds</c>, <c>AgoMinutes</c>, <c>AgoHours</c> (each <c>{0}</c> the number).</param>
    public static string Ago(TimeSpan elapsed, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (elapsed < TimeSpan.FromSeconds(5))
        {
            return text["AgoNow"];
        }

        if (elapsed < TimeSpan.FromMinutes(1))
        {
            return text["AgoSeconds", (int)elapsed.TotalSeconds];
        }

        return elapsed < TimeSpan.FromHours(1)
            ? text["AgoMinutes", (int)elapsed.TotalMinutes]
            : text["AgoHours", (int)elapsed.TotalHours];
    }
}
