using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

/// <summary>
/// A pause switch that is on (table <c>upwork.pauses</c>): for one user (<see cref="ScopeId"/> = the user's id) or the
/// whole workspace (<see cref="Workspace"/>). While a row exists no request goes to Upwork for that scope, on any
/// instance: the row is read before every send (docs/compliance.md). Deleting it turns the switch off.
/// </summary>
internal sealed class UpworkPause
{
    /// <summary>The scope id of the workspace-wide switch.</summary>
    public static readonly Guid Workspace = Guid.Empty;

    public Guid ScopeId { get; set; }
    public Guid PausedBy { get; set; }
    public DateTimeOffset PausedAt { get; set; }
}

internal sealed class UpworkPauseConfiguration : IEntityTypeConfiguration<UpworkPause>
{
    public void Configure(EntityTypeBuilder<UpworkPause> b)
    {
        b.ToTable("pauses", UpworkSchema.Name);
        b.HasKey(p => p.ScopeId);
        b.Property(p => p.ScopeId).ValueGeneratedNever();   // Guid.Empty is a real scope (the workspace), not "unset"
    }
}
