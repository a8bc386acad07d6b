using Contracts.Identity;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Modules.Identity.Features.ManageAccessTokens;

/// <summary>Settings → Access tokens: the same handler as <c>/api/v1/identity/access-tokens</c>.</summary>
public sealed partial class AccessTokensPanel
{
    /// <summary>Raised after a token was created or revoked (the page refreshes its security events).</summary>
    [Parameter] public EventCallback OnChanged { get; set; }

    private bool _isAdmin;
    private IReadOnlyList<AccessTokenRow> _mine = [];
    private IReadOnlyList<AccessTokenRow> _members = [];
    private string? _name;
    private int _expiresInDays = 90;
    private readonly HashSet<string> _scopes = [AccessScopes.JobsRead];
    private List<string> _errors = [];
    private NewAccessTokenResult? _created;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _isAdmin = await User.IsInRoleAsync(Roles.Admin);
        await LoadAsync();
    }

    /// <summary>Reads the tokens again.</summary>
    public async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        var me = await User.IdAsync();
        _mine = await Tokens.ListAsync(me, allUsers: false, CancellationToken.None);
        _members = _isAdmin ? [.. (await Tokens.ListAsync(me, allUsers: true, CancellationToken.None)).Where(t => t.UserId != me)] : [];
    }

    private void Toggle(string scope, bool on)
    {
        if (on) _scopes.Add(scope);
        else _scopes.Remove(scope);
    }

    private async Task CreateAsync()
    {
        var input = new NewAccessToken(_name, [.. AccessScopes.All.Where(_scopes.Contains)], _expiresInDays == 0 ? null : _expiresInDays);
        var validation = await Validator.ValidateAsync(input);
        _errors = validation.Errors.Select(e => e.ErrorMessage).ToList();
        if (!validation.IsValid) return;
        var (token, error) = await Tokens.CreateAsync(await User.IdAsync(), input, null, CancellationToken.None);
        if (token is null)
        {
            _errors = [error!];
            return;
        }
        _created = token;
        _name = null;
        await LoadAsync();
        await OnChanged.InvokeAsync();
    }

    private async Task RevokeAsync(AccessTokenRow token, bool asAdmin)
    {
        if (await Tokens.RevokeAsync(await User.IdAsync(), token.Id, asAdmin, null, CancellationToken.None))
            Snackbar.Add($"Token “{token.Name}” revoked", Severity.Info);
        if (_created?.Id == token.Id) _created = null;
        await LoadAsync();
        await OnChanged.InvokeAsync();
    }

    internal static string ScopeLabel(string scope) => scope switch
    {
        AccessScopes.JobsRead => "jobs:read — search and read jobs, saved searches, profiles",
        AccessScopes.ProposalsRead => "proposals:read — read proposals",
        AccessScopes.ProposalsWrite => "proposals:write — store drafts, move statuses",
        AccessScopes.AiWrite => "ai:write — write letters and analyses (uses your quota)",
        AccessScopes.AnalyticsRead => "analytics:read — the dashboard",
        _ => scope,
    };
}
