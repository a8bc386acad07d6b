using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Shared.Live;

namespace Shared.Data;

/// <summary>
/// Which tables feed which cache stamp (<see cref="CacheStamps"/>): a cache whose entries depend on rows of several
/// modules' tables watches them here, and any write to one of them makes its entries stale. Tables are named as the
/// SQLite database names them, <c>schema_table</c> (<c>identity_freelancer_profiles</c>), on both providers.
/// </summary>
public sealed class TableStampOptions
{
    internal Dictionary<string, HashSet<string>> ScopesByTable { get; } = new(StringComparer.Ordinal);

    /// <summary>Every write to one of <paramref name="tables"/> bumps the stamp <paramref name="scope"/>.</summary>
    public TableStampOptions Watch(string scope, params IEnumerable<string> tables)
    {
        foreach (var table in tables)
        {
            if (!ScopesByTable.TryGetValue(table, out var scopes)) ScopesByTable[table] = scopes = new(StringComparer.Ordinal);
            scopes.Add(scope);
        }
        return this;
    }

    /// <summary>Every watched table: a test checks that each one is in the model, so a rename cannot silently stop a bump.</summary>
    public IReadOnlyCollection<string> Tables => ScopesByTable.Keys;
}

/// <summary>
/// Bumps the stamps of watched tables after a <c>SaveChanges</c> that added, changed or deleted a row of one (an
/// interceptor on every context), and on request for writes that bypass the change tracker (<c>ExecuteUpdate</c>,
/// <c>ExecuteDelete</c>, raw SQL): those call <see cref="ChangedAsync"/> themselves. The bump comes after the commit, so
/// a reader that saw the old stamp can only have read the old rows or the new ones, never cache the new rows under a
/// stamp that outlives them.
/// </summary>
public sealed class TableStamps(CacheStamps stamps, IOptions<TableStampOptions> options) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = [];

    /// <summary>The name a table is watched by: <c>schema_table</c>, or the table alone when it has no schema (SQLite).</summary>
    public static string NameOf(Microsoft.EntityFrameworkCore.Metadata.IEntityType entity) =>
        entity.GetSchema() is { } schema ? $"{schema}_{entity.GetTableName()}" : entity.GetTableName() ?? entity.Name;

    /// <summary>Bumps the stamps watching <typeparamref name="TEntity"/>'s table, after a write the change tracker did not see.</summary>
    public Task ChangedAsync<TEntity>(DbContext db, CancellationToken ct = default) where TEntity : class =>
        BumpAsync(ScopesOf(db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model")), ct);

    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } scopes) BumpAsync(scopes, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Not the caller's token: the rows are committed, so the bump must happen even if the caller gave up just now.
        if (Take(eventData.Context) is { } scopes) await BumpAsync(scopes, CancellationToken.None);
        return result;
    }

    /// <inheritdoc />
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context);

    /// <inheritdoc />
    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? db)
    {
        if (db is null || options.Value.ScopesByTable.Count == 0) return;
        HashSet<string>? scopes = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            foreach (var scope in ScopesOf(entry))
                (scopes ??= _pending.GetValue(db, _ => new(StringComparer.Ordinal))).Add(scope);
        }
    }

    private IEnumerable<string> ScopesOf(EntityEntry entry) => ScopesOf(entry.Metadata);

    private IEnumerable<string> ScopesOf(Microsoft.EntityFrameworkCore.Metadata.IEntityType entity) =>
        options.Value.ScopesByTable.TryGetValue(NameOf(entity), out var scopes) ? scopes : [];

    private HashSet<string>? Take(DbContext? db)
    {
        if (db is null || !_pending.TryGetValue(db, out var scopes)) return null;
        _pending.Remove(db);
        return scopes;
    }

    private async Task BumpAsync(IEnumerable<string> scopes, CancellationToken ct)
    {
        foreach (var scope in scopes) await stamps.BumpAsync(scope, ct);
    }
}
