using Contracts.Identity;
using FluentValidation;
using Modules.Identity.Data;
using Shared.Data;
using Shared.Text;

namespace Modules.Identity.Features.ManageProfiles;

/// <summary>What sharing or copying a profile came to.</summary>
internal enum ProfileChange
{
    Done,
    NotFound,
}

/// <summary>
/// Freelancer profiles: what the AI writes from. Every write is scoped to the owner; an admin may share one of theirs with
/// the team (docs/features.md, "Shared templates and profiles"), which teammates then read, write with and copy, never change.
/// </summary>
internal sealed class ManageProfiles(IDbContextFactory<AppDbContext> contexts, IMemberDirectory members, IAuditTrail audit, TableStamps stamps, TimeProvider time) : IFreelancerProfiles
{
    public async Task<IReadOnlyList<FreelancerProfile>> ListAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Profiles().AsNoTracking().Where(p => p.UserId == userId || p.IsShared).ToListAsync(ct);
        var owners = await OwnerNamesAsync(rows, userId, ct);
        return
        [
            .. rows.Where(p => p.UserId == userId).OrderByDescending(p => p.IsDefault).ThenBy(p => p.CreatedAt).Select(p => ToContract(p, userId, owners)),
            .. rows.Where(p => p.UserId != userId).OrderBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.CreatedAt).Select(p => ToContract(p, userId, owners)),
        ];
    }

    public async Task<FreelancerProfile?> GetAsync(Guid userId, Guid profileId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Profiles().AsNoTracking().FirstOrDefaultAsync(p => p.Id == profileId && (p.UserId == userId || p.IsShared), ct);
        return row is null ? null : ToContract(row, userId, await OwnerNamesAsync([row], userId, ct));
    }

    /// <summary>
    /// Shares (or stops sharing) one of the admin's own profiles with the team; the endpoint and page check the caller is
    /// an admin. NotFound for a profile that is not theirs.
    /// </summary>
    public async Task<ProfileChange> ShareAsync(Guid adminId, Guid profileId, bool shared, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var changed = await db.Profiles().Where(p => p.Id == profileId && p.UserId == adminId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsShared, shared).SetProperty(p => p.UpdatedAt, time.GetUtcNow()), ct);
        if (changed == 0) return ProfileChange.NotFound;
        await stamps.ChangedAsync<ProfileEntity>(db, ct);   // who may write with it changed (the change tracker did not see it)
        await audit.RecordAsync(adminId, shared ? "profile_shared" : "profile_unshared", $"freelancer profile {profileId}", ct);
        return ProfileChange.Done;
    }

    /// <summary>
    /// Copies a profile the user can see (their own or a shared one) into a new one of their own, titled
    /// "<c>title</c> (copy)" (numbered when taken), never the default unless it is their first. Null when it is not visible to them.
    /// </summary>
    public async Task<FreelancerProfile?> CopyAsync(Guid userId, Guid profileId, CancellationToken ct)
    {
        if (await GetAsync(userId, profileId, ct) is not { } source) return null;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var taken = await db.Profiles().Where(p => p.UserId == userId).Select(p => p.Title).ToListAsync(ct);
        var copy = CopyNames.For(source.Title, 185, taken);
        return await CreateAsync(userId, new ProfileInput(copy, source.Overview, source.Skills.ToList(), source.HourlyRate, source.YearsOfExperience, source.Languages.ToList(), false,
            source.Portfolio.Select(p => new PortfolioInput(p.Title, p.Url, p.Description, p.Skills.ToList())).ToList(),
            source.SampleLetters.Select(l => new LetterInput(l.Text, l.Won)).ToList()), ct);
    }

    /// <summary>Whether <paramref name="profileId"/> is a teammate's profile shared with the team: the user may read and copy it, never change it.</summary>
    public async Task<bool> IsTeammatesSharedAsync(Guid userId, Guid profileId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Profiles().AnyAsync(p => p.Id == profileId && p.IsShared && p.UserId != userId, ct);
    }

    public async Task<bool> ExistsAsync(Guid profileId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Profiles().AnyAsync(p => p.Id == profileId, ct);
    }

    public async Task<FreelancerProfile> CreateAsync(Guid userId, ProfileInput input, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var isFirst = !await db.Profiles().AnyAsync(p => p.UserId == userId, ct);
        var row = new ProfileEntity { Id = Guid.CreateVersion7(), UserId = userId, Title = input.Title.Trim(), CreatedAt = now };
        Apply(row, input, now);
        row.IsDefault = isFirst || input.IsDefault;
        if (row.IsDefault && !isFirst) await ClearDefaultAsync(db, userId, ct);
        db.Profiles().Add(row);
        await db.SaveChangesAsync(ct);
        return ToContract(row, userId);
    }

    public async Task<FreelancerProfile> ImportAsync(Guid userId, ImportedProfile profile, CancellationToken ct)
    {
        var title = Cut(string.IsNullOrWhiteSpace(profile.Title) ? "Upwork profile" : profile.Title.Trim(), 200);
        var skills = profile.Skills.Select(s => Cut(s.Trim(), 60)).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(50).ToList();
        var rate = profile.HourlyRate is { } r ? Math.Clamp(r, 0, 10_000) : (decimal?)null;
        var overview = profile.Overview is null ? null : Cut(profile.Overview, 5000);
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var existing = await db.Profiles().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId && p.Title == title, ct);
            if (existing is not null)
            {
                var current = ToContract(existing, userId);
                return (await UpdateAsync(userId, existing.Id, new ProfileInput(title, overview, skills, rate, current.YearsOfExperience, current.Languages.ToList(), current.IsDefault,
                    current.Portfolio.Select(p => new PortfolioInput(p.Title, p.Url, p.Description, p.Skills.ToList())).ToList(),
                    current.SampleLetters.Select(l => new LetterInput(l.Text, l.Won)).ToList()), ct))!;
            }
        }
        return await CreateAsync(userId, new ProfileInput(title, overview, skills, rate, null, null, false, null, null), ct);
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];

    public async Task<FreelancerProfile?> UpdateAsync(Guid userId, Guid profileId, ProfileInput input, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Profiles().FirstOrDefaultAsync(p => p.Id == profileId && p.UserId == userId, ct);
        if (row is null) return null;
        Apply(row, input, time.GetUtcNow());
        if (input.IsDefault && !row.IsDefault)
        {
            await ClearDefaultAsync(db, userId, ct);
            row.IsDefault = true;
        }
        await db.SaveChangesAsync(ct);
        return ToContract(row, userId);
    }

    public async Task<bool> DeleteAsync(Guid userId, Guid profileId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Profiles().FirstOrDefaultAsync(p => p.Id == profileId && p.UserId == userId, ct);
        if (row is null) return false;
        db.Profiles().Remove(row);
        if (row.IsDefault && await db.Profiles().Where(p => p.UserId == userId && p.Id != profileId).OrderBy(p => p.CreatedAt).FirstOrDefaultAsync(ct) is { } next)
            next.IsDefault = true;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static async Task ClearDefaultAsync(AppDbContext db, Guid userId, CancellationToken ct)
    {
        foreach (var other in await db.Profiles().Where(p => p.UserId == userId && p.IsDefault).ToListAsync(ct)) other.IsDefault = false;
    }

    private static void Apply(ProfileEntity row, ProfileInput input, DateTimeOffset now)
    {
        row.Title = input.Title.Trim();
        row.Overview = string.IsNullOrWhiteSpace(input.Overview) ? null : input.Overview.Trim();
        row.Skills = Clean(input.Skills);
        row.HourlyRate = input.HourlyRate;
        row.YearsOfExperience = input.YearsOfExperience;
        row.Languages = Clean(input.Languages);
        row.Portfolio = (input.Portfolio ?? []).Select(p => new PortfolioEntry
        {
            Title = p.Title.Trim(), Url = string.IsNullOrWhiteSpace(p.Url) ? null : p.Url.Trim(), Description = p.Description?.Trim(), Skills = Clean(p.Skills),
        }).ToList();
        row.SampleLetters = (input.SampleLetters ?? []).Select(l => new LetterEntry { Text = l.Text.Trim(), Won = l.Won }).ToList();
        row.UpdatedAt = now;
    }

    private static List<string> Clean(IEnumerable<string>? values) =>
        (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The names of the teammates who own the shared profiles among <paramref name="rows"/>.</summary>
    private async Task<IReadOnlyDictionary<Guid, string>> OwnerNamesAsync(IReadOnlyCollection<ProfileEntity> rows, Guid userId, CancellationToken ct)
    {
        var owners = rows.Where(p => p.UserId != userId).Select(p => p.UserId).Distinct().ToList();
        return owners.Count == 0 ? new Dictionary<Guid, string>() : await members.NamesAsync(owners, ct);
    }

    /// <summary>A teammate's shared profile reads as read-only and never as the user's default.</summary>
    private static FreelancerProfile ToContract(ProfileEntity p, Guid userId, IReadOnlyDictionary<Guid, string>? owners = null)
    {
        var mine = p.UserId == userId;
        return new(
            p.Id, p.Title, p.Overview, p.Skills, p.HourlyRate, p.YearsOfExperience, p.Languages, mine && p.IsDefault,
            p.Portfolio.Select(i => new PortfolioItem(i.Title, i.Url, i.Description, i.Skills)).ToList(),
            p.SampleLetters.Select(l => new SampleLetter(l.Text, l.Won)).ToList(),
            p.IsShared, !mine, mine ? null : owners?.GetValueOrDefault(p.UserId) ?? "a teammate");
    }
}

internal sealed record ProfileInput(
    string Title, string? Overview, List<string>? Skills, decimal? HourlyRate, int? YearsOfExperience, List<string>? Languages,
    bool IsDefault, List<PortfolioInput>? Portfolio, List<LetterInput>? SampleLetters);

internal sealed record PortfolioInput(string Title, string? Url, string? Description, List<string>? Skills);

internal sealed record LetterInput(string Text, bool Won);

internal sealed class ProfileInputValidator : AbstractValidator<ProfileInput>
{
    public ProfileInputValidator()
    {
        RuleFor(p => p.Title).NotEmpty().WithMessage("title is required").MaximumLength(200).WithMessage("title must be at most 200 characters");
        RuleFor(p => p.Overview).MaximumLength(5000).WithMessage("overview must be at most 5000 characters");
        RuleFor(p => p.Skills).Must(s => s is null || s.Count <= 50).WithMessage("skills can list at most 50 skills");
        RuleForEach(p => p.Skills).MaximumLength(60).WithMessage("each skill must be at most 60 characters");
        RuleFor(p => p.HourlyRate).InclusiveBetween(0, 10_000).WithMessage("hourlyRate must be between 0 and 10000");
        RuleFor(p => p.YearsOfExperience).InclusiveBetween(0, 70).WithMessage("yearsOfExperience must be between 0 and 70");
        RuleFor(p => p.Portfolio).Must(p => p is null || p.Count <= 50).WithMessage("portfolio can hold at most 50 items");
        RuleForEach(p => p.Portfolio).ChildRules(item =>
        {
            item.RuleFor(i => i.Title).NotEmpty().WithMessage("title is required").MaximumLength(200).WithMessage("title must be at most 200 characters");
            item.RuleFor(i => i.Url).Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
                .When(i => !string.IsNullOrWhiteSpace(i.Url)).WithMessage("url must be an http or https link");
            item.RuleFor(i => i.Description).MaximumLength(2000).WithMessage("description must be at most 2000 characters");
        });
        RuleFor(p => p.SampleLetters).Must(l => l is null || l.Count <= 20).WithMessage("sampleLetters can hold at most 20 letters");
        RuleForEach(p => p.SampleLetters).ChildRules(letter =>
            letter.RuleFor(l => l.Text).NotEmpty().WithMessage("text is required").MaximumLength(10_000).WithMessage("text must be at most 10000 characters"));
    }
}
