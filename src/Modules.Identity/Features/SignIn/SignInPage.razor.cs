using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Modules.Identity.Auth;
using Modules.Identity.Features.SetUpTwoFactor;

namespace Modules.Identity.Features.SignIn;

/// <summary>
/// The sign-in page (static server rendering, two forms: password, then a two-factor code when the account has one);
/// the steps themselves are <see cref="BrowserSignIn"/>'s and <see cref="MfaSignIn"/>'s.
/// </summary>
public sealed partial class SignInPage
{
    [CascadingParameter] private HttpContext HttpContext { get; set; } = null!;

    [SupplyParameterFromForm(FormName = "signin")] private SignInForm Input { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "mfa")] private CodeForm Code { get; set; } = default!;

    private string? _challenge;

    [SupplyParameterFromQuery] private string? ReturnUrl { get; set; }

    [SupplyParameterFromQuery] private int SignedOut { get; set; }

    [SupplyParameterFromQuery] private int Deleted { get; set; }

    [SupplyParameterFromQuery(Name = "upwork")] private string? ExternalError { get; set; }

    private bool _upworkSignIn;

    private string? _error;
    private bool _noUsers;

    private string RegisterLink => string.IsNullOrEmpty(ReturnUrl) ? "/account/register" : $"/account/register?returnUrl={Uri.EscapeDataString(ReturnUrl)}";

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        Code ??= new();
        _upworkSignIn = !string.IsNullOrWhiteSpace(Configuration["Upwork:ClientId"]);
        // A fixed code, never text from the URL: a crafted link cannot make this trusted page say anything else.
        _error = ExternalError switch
        {
            null or "" => _error,
            "two-factor" => "Your account uses two-factor authentication: sign in with your password and code.",
            "exists" => "An account with your Upwork e-mail already exists. Sign in with your password, then connect Upwork to use this button next time.",
            "closed" => "Registration is closed in this workspace. Ask your admin for an invitation.",
            "deactivated" => "This account is deactivated. Ask your workspace admin.",
            _ => "Signing in with Upwork did not work. Try again, or sign in with your password.",
        };
        // A posted code form must be rendered again for its submit handler to run.
        if (!string.IsNullOrEmpty(Code.Challenge)) _challenge = Code.Challenge;
        _noUsers = await Steps.NoAccountsYetAsync(HttpContext.RequestAborted);
    }

    private async Task SignInAsync()
    {
        var step = await Steps.PasswordAsync(Input.Email, Input.Password, Input.RememberMe, HttpContext);
        var check = step.Check;
        if (check.Status != CredentialStatus.Valid)
        {
            _error = check.Message(Time);
            if (check.Status == CredentialStatus.Throttled) HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            if (check.Status == CredentialStatus.Busy)
            {
                HttpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                HttpContext.Response.Headers.RetryAfter = PasswordHashGate.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return;
        }
        if (step.Challenge is { } challenge)
        {
            _challenge = challenge;
            Code.RememberMe = Input.RememberMe;
            return;
        }
        Navigation.NavigateTo(SafeReturnUrl(ReturnUrl), forceLoad: true);
    }

    private async Task VerifyCodeAsync()
    {
        var result = await MfaStep.RunAsync(Code.Challenge, Code.Value, HttpContext, HttpContext.RequestAborted);
        if (result.Outcome != Modules.Identity.Auth.MfaOutcome.Passed)
        {
            _error = result.Message(Time);
            // Only a wrong code keeps the challenge; anything else needs the password step again.
            _challenge = result.Outcome == Modules.Identity.Auth.MfaOutcome.WrongCode ? Code.Challenge : null;
            if (result.Outcome == Modules.Identity.Auth.MfaOutcome.Throttled) HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }
        await Steps.CompleteAfterCodeAsync(result.User!, Code.RememberMe, Code.RememberDevice ? DateTimeOffset.MinValue : null, HttpContext);
        Navigation.NavigateTo(SafeReturnUrl(ReturnUrl), forceLoad: true);
    }

    internal static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") && !url.StartsWith("/account/") ? url : "/";

    internal sealed class CodeForm
    {
        public string? Challenge { get; set; }
        public string? Value { get; set; }
        public bool RememberMe { get; set; }
        public bool RememberDevice { get; set; }
    }

    internal sealed class SignInForm
    {
        [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Enter your email")]
        public string Email { get; set; } = "";

        [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Enter your password")]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }
}
