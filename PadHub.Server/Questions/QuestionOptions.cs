using System.ComponentModel.DataAnnotations;

namespace PadHub.Server.Questions;

/// <summary>The audience questions' rate limits (<c>PadHub:Questions</c>). Limits are per participant and per page connection, never per IP.</summary>
public sealed class QuestionOptions
{
    public const string SectionName = "PadHub:Questions";

    /// <summary>Questions a participant (or a page) may ask at once.</summary>
    [Range(1, 100)]
    public int AskBurst { get; set; } = 3;

    /// <summary>Questions a participant (or a page) may ask a minute, after the burst.</summary>
    [Range(0.1, 600)]
    public double AsksPerMinute { get; set; } = 2;

    /// <summary>Votes and withdrawals a participant (or a page) may make at once.</summary>
    [Range(1, 1000)]
    public int VoteBurst { get; set; } = 20;

    /// <summary>Votes and withdrawals a participant (or a page) may make a second, after the burst.</summary>
    [Range(0.1, 100)]
    public double VotesPerSecond { get; set; } = 2;

    /// <summary>Questions a whole session accepts a minute from its pages (a room of new participants cannot flood it).</summary>
    [Range(1, 10000)]
    public int SessionAsksPerMinute { get; set; } = 120;
}
