namespace Modules.Ai.Writing;

/// <summary>
/// A template as the API and the editor list it. <paramref name="Shared"/>: shared with the team; <paramref name="ReadOnly"/>:
/// not the caller's to change (built in, or a teammate's shared template: copy it to edit).
/// </summary>
internal sealed record TemplateDto(string Id, string Name, string? Description, string Body, int Version, bool BuiltIn, DateTimeOffset? UpdatedAt,
    bool Shared = false, bool ReadOnly = true);

/// <summary>The templates a user may write with (built in, their own and the team's shared ones); kept by the ManageTemplates slice.</summary>
internal interface ITemplates
{
    /// <summary>Every template the user may write with, built in first.</summary>
    Task<IReadOnlyList<TemplateDto>> ListAsync(Guid userId, CancellationToken ct);

    /// <summary>The template by id (the default when <paramref name="id"/> is empty), or null when the user may not see it.</summary>
    Task<TemplateDto?> FindAsync(Guid userId, string? id, CancellationToken ct);
}

/// <summary>Template ids every part of the module knows.</summary>
internal static class Templates
{
    /// <summary>The built-in cover-letter template, used when a request names none.</summary>
    public const string DefaultId = "builtin:cover-letter";
}
