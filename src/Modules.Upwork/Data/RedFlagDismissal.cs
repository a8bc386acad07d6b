using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

/// <summary>
/// A user trusts a client about one red flag (table <c>upwork.red_flag_dismissals</c>): the flag stays listed but
/// marked dismissed on every job of that client (<see cref="RedFlags.RedFlagRules.ClientKey"/>), and no longer hides them.
/// Holds no Upwork content: a hash and a code.
/// </summary>
internal sealed class RedFlagDismissal
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string ClientKey { get; set; }
    public required string Code { get; set; }
    public DateTimeOffset DismissedAt { get; set; }
}

internal sealed class RedFlagDismissalConfiguration : IEntityTypeConfiguration<RedFlagDismissal>
{
    public void Configure(EntityTypeBuilder<RedFlagDismissal> b)
    {
        b.ToTable("red_flag_dismissals", UpworkSchema.Name);
        b.HasKey(d => d.Id);
        b.HasIndex(d => new { d.UserId, d.ClientKey, d.Code }).IsUnique();
        b.Property(d => d.ClientKey).HasMaxLength(64);
        b.Property(d => d.Code).HasMaxLength(40);
    }
}
