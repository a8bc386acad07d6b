namespace Modules.Ai.Data;

/// <summary>A user's prompt template (table <c>ai.templates</c>); the built-in ones live in code.</summary>
internal sealed class PromptTemplate
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    public required string Body { get; set; }
    public string? Description { get; set; }

    /// <summary>Goes up on every edit, so cached letters from the old wording are not reused.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Shared with the team by its owner, an admin: everyone may use and copy it, only the owner changes it.</summary>
    public bool IsShared { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
