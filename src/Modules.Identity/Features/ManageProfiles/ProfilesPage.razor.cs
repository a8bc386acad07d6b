using Contracts.Identity;
using Microsoft.AspNetCore.Components;
using Modules.Identity.Auth;
using MudBlazor;
using FV = FluentValidation;

namespace Modules.Identity.Features.ManageProfiles;

/// <summary>List, create, edit, delete and pick the default freelancer profile, through <see cref="ManageProfiles"/>.</summary>
public sealed partial class ProfilesPage
{
    [Inject] private ManageProfiles Profiles { get; set; } = null!;
    [Inject] private FV.IValidator<ProfileInput> Validator { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private CurrentUser User { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;

    private string? _pasted;
    private bool _fromPaste;

    private Guid _userId;
    private IReadOnlyList<FreelancerProfile>? _profiles;
    private ProfileDraft? _draft;
    private string _originalTitle = "";
    private bool _wasDefault;
    private bool _saving;
    private Guid? _confirmDelete;
    private Guid? _viewing;
    private bool _canDraft, _isAdmin;
    private Dictionary<string, List<string>> _errors = [];

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _userId = await User.IdAsync();
        _canDraft = await User.CanAsync(Permissions.Draft);
        _isAdmin = await User.CanAsync(Permissions.Admin);
        await ReloadAsync();
    }

    /// <summary>How many of the listed profiles are the user's own (teammates' shared ones follow them).</summary>
    private int OwnCount => _profiles?.Count(p => !p.ReadOnly) ?? 0;

    private async Task ReloadAsync() => _profiles = await Profiles.ListAsync(_userId, CancellationToken.None);

    private void ReadPasted()
    {
        if (string.IsNullOrWhiteSpace(_pasted)) return;
        _errors = [];
        _draft = ProfileTextParser.Parse(_pasted, Time.GetUtcNow().Year);
        _draft.IsDefault = OwnCount == 0;
        _wasDefault = false;
        _fromPaste = true;
        _pasted = null;
    }

    private void New()
    {
        _fromPaste = false;
        _errors = [];
        _draft = new ProfileDraft { IsDefault = OwnCount == 0 };
        _wasDefault = false;
    }

    private void Edit(FreelancerProfile profile)
    {
        _fromPaste = false;
        _errors = [];
        _confirmDelete = null;
        _draft = ProfileDraft.From(profile);
        _originalTitle = profile.Title;
        _wasDefault = profile.IsDefault;
    }

    private void Cancel()
    {
        _draft = null;
        _errors = [];
    }

    private async Task SaveAsync()
    {
        if (_draft is null) return;
        var input = _draft.ToInput();
        var validation = await Validator.ValidateAsync(input);
        _errors = validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => Sentence(e.ErrorMessage)).ToList());
        if (!validation.IsValid) return;
        _saving = true;
        try
        {
            if (_draft.Id is { } id)
            {
                if (await Profiles.UpdateAsync(_userId, id, input, CancellationToken.None) is null)
                    Snackbar.Add("That profile no longer exists; it may have been deleted in another tab", Severity.Warning);
                else Snackbar.Add("Profile saved", Severity.Success);
            }
            else
            {
                await Profiles.CreateAsync(_userId, input, CancellationToken.None);
                Snackbar.Add("Profile created", Severity.Success);
            }
            _draft = null;
            await ReloadAsync();
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task MakeDefaultAsync(FreelancerProfile profile)
    {
        var draft = ProfileDraft.From(profile);
        draft.IsDefault = true;
        await Profiles.UpdateAsync(_userId, profile.Id, draft.ToInput(), CancellationToken.None);
        Snackbar.Add($"“{profile.Title}” is now your default profile", Severity.Info);
        await ReloadAsync();
    }

    // A teammate's shared profile is read-only: a copy is the way to edit it (the handler checks again).
    private async Task CopyAsync(FreelancerProfile profile)
    {
        if (!await User.CanAsync(Permissions.Draft)) return;
        var copy = await Profiles.CopyAsync(_userId, profile.Id, CancellationToken.None);
        Snackbar.Add(copy is null ? "That profile is no longer shared." : $"Copied as “{copy.Title}”: it is yours to edit.", copy is null ? Severity.Warning : Severity.Success);
        _viewing = null;
        await ReloadAsync();
    }

    private async Task ShareAsync(FreelancerProfile profile, bool shared)
    {
        if (!await User.CanAsync(Permissions.Admin)) return;
        var done = await Profiles.ShareAsync(_userId, profile.Id, shared, CancellationToken.None) == ProfileChange.Done;
        if (done) Snackbar.Add(shared ? $"“{profile.Title}” is shared with the team, read-only" : $"“{profile.Title}” is no longer shared", Severity.Info);
        await ReloadAsync();
    }

    private async Task DeleteAsync(Guid id)
    {
        _confirmDelete = null;
        if (await Profiles.DeleteAsync(_userId, id, CancellationToken.None)) Snackbar.Add("Profile deleted", Severity.Info);
        await ReloadAsync();
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    /// <summary>The messages for one field; with <paramref name="prefix"/>, also its items' (<c>Skills[3]</c>).</summary>
    private string? Err(string field, bool prefix = false)
    {
        var messages = _errors.Where(e => e.Key == field || (prefix && e.Key.StartsWith(field + "[", StringComparison.Ordinal)))
            .SelectMany(e => e.Value).Distinct().ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    // The validator speaks the API's field names ("title is required"); the form reads better with a capital.
    private static string Sentence(string message) => message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..];

    private static string Summary(FreelancerProfile p)
    {
        var parts = new List<string>();
        if (p.HourlyRate is { } rate) parts.Add($"${rate:0.##}/h");
        if (p.YearsOfExperience is { } years) parts.Add($"{years} years");
        if (p.Skills.Count > 0) parts.Add(string.Join(", ", p.Skills.Take(6)) + (p.Skills.Count > 6 ? $" +{p.Skills.Count - 6}" : ""));
        parts.Add($"{p.Portfolio.Count} portfolio item{(p.Portfolio.Count == 1 ? "" : "s")}");
        parts.Add($"{p.SampleLetters.Count(l => l.Won)} winning of {p.SampleLetters.Count} letters");
        return string.Join(" · ", parts);
    }
}
