namespace PadHub.Server.Persistence;

/// <summary>SQLite's durability setting (<c>PRAGMA synchronous</c>) in WAL mode.</summary>
public enum SqliteSynchronous
{
    /// <summary>fsync at every commit: acknowledged means durable.</summary>
    Full,

    /// <summary>fsync at checkpoints only: durable across process crashes, not across power loss.</summary>
    Normal,
}
