using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Shared.Hosting;

namespace Shared.Data;

/// <summary>
/// The one EF Core context. It knows no module: each module brings its entity configurations
/// (each mapping to the module's own schema) and reaches its sets through its own extension methods.
/// Always created through <see cref="IDbContextFactory{TContext}"/>: one context per operation.
/// </summary>
public class AppDbContext : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>, IDataProtectionKeyContext
{
    private readonly ModuleCatalog _modules;

    /// <summary>Creates the PostgreSQL (production) context.</summary>
    public AppDbContext(DbContextOptions<AppDbContext> options, ModuleCatalog modules) : base(options) => _modules = modules;

    /// <summary>For provider-specific subclasses, which own their own migrations.</summary>
    protected AppDbContext(DbContextOptions options, ModuleCatalog modules) : base(options) => _modules = modules;

    /// <summary>Data-protection keys (cookies, antiforgery), shared by every instance using this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The module assemblies whose configurations make up the model.</summary>
    internal ModuleCatalog Modules => _modules;

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        MapIdentityTables(builder);
        foreach (var assembly in _modules.Assemblies) builder.ApplyConfigurationsFromAssembly(assembly);
    }

    private static void MapIdentityTables(ModelBuilder builder)
    {
        builder.Entity<AppUser>(b =>
        {
            b.ToTable("users", IdentitySchema.Name);
            b.Property(u => u.FirstName).HasMaxLength(100);
            b.Property(u => u.LastName).HasMaxLength(100);
            b.Property(u => u.UpworkUserId).HasMaxLength(100);
            b.Property(u => u.SubscriptionPlan).HasMaxLength(20).HasDefaultValue("free");
            b.Property(u => u.ApiUsageLimit).HasDefaultValue(5);
            b.Property(u => u.IsActive).HasDefaultValue(true);
        });
        builder.Entity<IdentityRole<Guid>>().ToTable("roles", IdentitySchema.Name);
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles", IdentitySchema.Name);
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims", IdentitySchema.Name);
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins", IdentitySchema.Name);
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens", IdentitySchema.Name);
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims", IdentitySchema.Name);
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys", IdentitySchema.Name);
        builder.Entity<Jobs.JobRun>(b =>
        {
            b.ToTable("job_runs", IdentitySchema.Name);
            b.HasKey(r => r.JobKey);
            b.Property(r => r.JobKey).HasMaxLength(200);
            b.Property(r => r.LastError).HasMaxLength(Jobs.JobRunRecorder.MaxError);
        });
    }
}
