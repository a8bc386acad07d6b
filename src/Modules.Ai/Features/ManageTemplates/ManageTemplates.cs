using System.Text.RegularExpressions;
using FluentValidation;
using Modules.Ai.Data;
using Modules.Ai.Features.WriteCoverLetter;
using Modules.Ai.Writing;
using Shared.Data;
using Shared.Text;

namespace Modules.Ai.Features.ManageTemplates;

/// <summary>A template's record across the team: proposals sent with it, hires among them and the win rate (0–1, null before any was sent).</summary>
internal sealed record TemplateWinRate(string Template, int Sent, int Hired, decimal? WinRate);

/// <summary>What an edit, delete or share of a template came to.</summary>
internal enum TemplateChange
{
    Done,
    NotFound,
    ReadOnly,
}

/// <summary>Body of <c>POST /api/v1/ai/templates</c> (and PUT).</summary>
internal sealed record TemplateInput(string Name, string Body, string? Description);

/// <summary>
/// Prompt templates: the specification's (docs/specification.md §6) built in (read-only), and the user's own. A template's <c>{variables}</c> must be ones
/// the writer fills (<see cref="PromptBuilder.Variables"/>); each edit raises the version, so cached letters written from
/// the old wording are not served for the new one.
/// </summary>
internal sealed class ManageTemplates(
    IDbContextFactory<AppDbContext> contexts, IConfiguration configuration, Contracts.Upwork.ITeamActivity team, Contracts.Identity.IAuditTrail audit, TableStamps stamps, TimeProvider time) : ITemplates
{
    public const string DefaultId = Templates.DefaultId;

    /// <summary>Setting of the per-user cap on templates (issue 17 item 4), 50 unless set.</summary>
    public const string LimitSetting = "Ai:Limits:TemplatesPerUser";

    public int Limit => configuration.GetValue(LimitSetting, 50);

    /// <summary>The specification's cover-letter template (docs/specification.md §6), with tone, length, past winners and screening questions added.</summary>
    public static readonly IReadOnlyList<TemplateDto> BuiltIn =
    [
        new(DefaultId, "Cover letter (standard)", "The original specification's template: needs, experience, understanding, call to action.", """
            You are an expert freelancer writing a cover letter for an Upwork job.

            Job Title: {job_title}
            Job Description: {job_description}
            Client Budget: {budget}
            Required Skills: {skills}
            Client: {client}

            User Profile:
            - Experience: {user_experience}
            - Skills: {user_skills}
            - Portfolio: {user_portfolio}

            Letters by this freelancer that won jobs before (match their voice, do not copy them):
            {past_winning_letters}

            Write a compelling cover letter that:
            1. Addresses the client's specific needs
            2. Highlights relevant experience
            3. Shows understanding of the project
            4. Includes a clear call to action
            5. Stays within {length}

            Tone: {tone}, confident, and solution-oriented

            Screening questions to answer after the letter:
            {screening_questions}
            """, 1, true, null),
        new("builtin:short-direct", "Short and direct", "Three tight paragraphs for clients who skim.", """
            Write a short, direct Upwork cover letter ({length}) in a {tone} tone.

            The job: {job_title} (budget {budget}; skills {skills})
            {job_description}

            The freelancer: {user_experience}
            Skills: {user_skills}
            Evidence: {user_portfolio}

            Paragraph 1: the client's problem in one sentence and why this freelancer fits.
            Paragraph 2: one concrete piece of evidence from the portfolio and how the work would be done.
            Paragraph 3: a single clear call to action.

            Screening questions to answer after the letter:
            {screening_questions}
            """, 1, true, null),
    ];

    /// <summary>The built-in templates, the user's own, then teammates' shared ones (read-only for the user).</summary>
    public async Task<IReadOnlyList<TemplateDto>> ListAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Templates().AsNoTracking().Where(t => t.UserId == userId || t.IsShared).ToListAsync(ct);
        return
        [
            .. BuiltIn,
            .. rows.Where(t => t.UserId == userId).OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => Dto(t, userId)),
            .. rows.Where(t => t.UserId != userId).OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => Dto(t, userId)),
        ];
    }

    /// <summary>
    /// Win rates per template across the whole team (docs/features.md, "Shared templates and profiles"): every member's
    /// sent proposals by the template name they were written with, for the templates the user can see.
    /// </summary>
    public async Task<IReadOnlyList<TemplateWinRate>> WinRatesAsync(Guid userId, CancellationToken ct)
    {
        var outcomes = (await team.TemplateOutcomesAsync(ct)).ToDictionary(o => o.Template, StringComparer.Ordinal);
        return (await ListAsync(userId, ct)).Select(t => t.Name).Distinct(StringComparer.Ordinal).Select(name =>
        {
            var o = outcomes.GetValueOrDefault(name);
            var (sent, hired) = (o?.Sent ?? 0, o?.Hired ?? 0);
            return new TemplateWinRate(name, sent, hired, sent == 0 ? null : Math.Round((decimal)hired / sent, 4));
        }).ToList();
    }

    /// <summary>
    /// Shares (or stops sharing) one of the admin's own templates with the team; the endpoint and page check the caller is
    /// an admin. NotFound for a template that is not theirs.
    /// </summary>
    public async Task<TemplateChange> ShareAsync(Guid adminId, Guid id, bool shared, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var changed = await db.Templates().Where(t => t.Id == id && t.UserId == adminId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.IsShared, shared).SetProperty(t => t.UpdatedAt, time.GetUtcNow()), ct);
        if (changed == 0) return TemplateChange.NotFound;
        await stamps.ChangedAsync<PromptTemplate>(db, ct);   // who may write with it changed (the change tracker did not see it)
        await audit.RecordAsync(adminId, shared ? "template_shared" : "template_unshared", $"template {id}", ct);
        return TemplateChange.Done;
    }

    /// <summary>
    /// Copies a template the user can see (built in, their own or a shared one) into a new one of their own, named
    /// "<c>name</c> (copy)" (numbered when taken). Null when the template is not visible to them.
    /// </summary>
    public async Task<TemplateDto?> CopyAsync(Guid userId, string id, CancellationToken ct)
    {
        var source = await FindAsync(userId, id, ct);
        if (source is null || string.IsNullOrWhiteSpace(id)) return null;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var taken = await db.Templates().Where(t => t.UserId == userId).Select(t => t.Name).ToListAsync(ct);
        var copy = CopyNames.For(source.Name, 90, taken);
        return await CreateAsync(userId, new TemplateInput(copy, source.Body, source.Description), ct);
    }

    /// <summary>A built-in template, one of the user's or one shared with the team; null when it does not exist or is a teammate's unshared one.</summary>
    public async Task<TemplateDto?> FindAsync(Guid userId, string? id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(id)) return BuiltIn[0];
        if (BuiltIn.FirstOrDefault(t => t.Id == id) is { } builtIn) return builtIn;
        if (!Guid.TryParse(id, out var guid)) return null;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Templates().AsNoTracking().FirstOrDefaultAsync(t => t.Id == guid && (t.UserId == userId || t.IsShared), ct);
        return row is null ? null : Dto(row, userId);
    }

    /// <summary>True when the user already has <see cref="Limit"/> templates of their own.</summary>
    public async Task<bool> AtLimitAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Templates().CountAsync(t => t.UserId == userId, ct) >= Limit;
    }

    /// <summary>Null when the user already has a template with that name.</summary>
    public async Task<TemplateDto?> CreateAsync(Guid userId, TemplateInput input, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var name = input.Name.Trim();
        if (await db.Templates().AnyAsync(t => t.UserId == userId && t.Name == name, ct)) return null;
        var now = time.GetUtcNow();
        var row = new PromptTemplate
        {
            Id = Guid.CreateVersion7(), UserId = userId, Name = name, Body = input.Body.Trim(), Description = input.Description?.Trim(),
            CreatedAt = now, UpdatedAt = now,
        };
        db.Templates().Add(row);
        await db.SaveChangesAsync(ct);
        return Dto(row, userId);
    }

    /// <summary>Whether <paramref name="id"/> is a teammate's template shared with the team: the user may read and copy it, never change it.</summary>
    public async Task<bool> IsTeammatesSharedAsync(Guid userId, Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Templates().AnyAsync(t => t.Id == id && t.IsShared && t.UserId != userId, ct);
    }

    /// <summary>Edits one of the user's own templates; null when it is not theirs (a teammate's shared one included).</summary>
    public async Task<TemplateDto?> UpdateAsync(Guid userId, Guid id, TemplateInput input, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Templates().FirstOrDefaultAsync(t => t.Id == id && t.UserId == userId, ct);
        if (row is null) return null;
        row.Name = input.Name.Trim();
        row.Body = input.Body.Trim();
        row.Description = input.Description?.Trim();
        row.Version++;
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Dto(row, userId);
    }

    public async Task<bool> DeleteAsync(Guid userId, Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.Templates().Where(t => t.Id == id && t.UserId == userId).ExecuteDeleteAsync(ct) == 0) return false;
        await stamps.ChangedAsync<PromptTemplate>(db, ct);
        return true;
    }

    private static TemplateDto Dto(PromptTemplate t, Guid userId) =>
        new(t.Id.ToString(), t.Name, t.Description, t.Body, t.Version, false, t.UpdatedAt, t.IsShared, t.UserId != userId);
}

internal sealed partial class TemplateInputValidator : AbstractValidator<TemplateInput>
{
    public TemplateInputValidator()
    {
        RuleFor(t => t.Name).NotEmpty().WithMessage("name is required").MaximumLength(100).WithMessage("name must be at most 100 characters");
        RuleFor(t => t.Description).MaximumLength(300).WithMessage("description must be at most 300 characters");
        RuleFor(t => t.Body).NotEmpty().WithMessage("body is required").MaximumLength(8000).WithMessage("body must be at most 8,000 characters");
        RuleFor(t => t.Body).Must(b => Unknown(b).Count == 0).When(t => !string.IsNullOrEmpty(t.Body))
            .WithMessage(t => $"body uses unknown variables: {string.Join(", ", Unknown(t.Body).Select(v => "{" + v + "}"))}. Known: {string.Join(", ", PromptBuilder.Variables.Select(v => "{" + v + "}"))}");
        RuleFor(t => t.Body).Must(b => b.Contains("{job_title}", StringComparison.Ordinal) || b.Contains("{job_description}", StringComparison.Ordinal))
            .When(t => !string.IsNullOrEmpty(t.Body)).WithMessage("body must use {job_title} or {job_description}: a letter must be about the job");
    }

    private static List<string> Unknown(string body) =>
        Variable().Matches(body).Select(m => m.Groups[1].Value).Where(v => !PromptBuilder.Variables.Contains(v)).Distinct().ToList();

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Variable();
}
