namespace Modules.Identity.Data;

/// <summary>A workspace-wide setting an admin changed in the app; it wins over the configuration file's value.</summary>
internal sealed class WorkspaceSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
