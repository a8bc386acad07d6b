using Contracts.Identity;
using FluentValidation;
using Modules.Identity.Features.Admin;
using Modules.Identity.Features.Audit;
using Modules.Identity.Features.ConfirmEmail;
using Modules.Identity.Features.Invitations;
using Modules.Identity.Features.ApiKeys;
using Modules.Identity.Features.Profiles;
using Modules.Identity.Features.Privacy;
using Modules.Identity.Features.Quota;
using Modules.Identity.Features.ResetPassword;
using Modules.Identity.Integrations;
using Modules.Identity.Features.TwoFactor;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Modules.Identity.Auth;
using Modules.Identity.Features.PasswordPolicy;
using Modules.Identity.Features.Profile;
using Modules.Identity.Features.Register;
using Modules.Identity.Features.ManageSessions;
using Modules.Identity.Features.SignIn;
using Modules.Identity.Features.Tokens;
using Shared.Jobs;

namespace Modules.Identity;

/// <summary>Entry point of the Identity module; the only public non-component type in it.</summary>
public static class IdentityModule
{
    /// <summary>Adds accounts (ASP.NET Core Identity), cookie and bearer authentication, sessions and the module's slices.</summary>
    public static IHostApplicationBuilder AddIdentityModule(this IHostApplicationBuilder builder)
    {
        AuthenticationSetup.Add(builder);
        var services = builder.Services;
        services.AddSingleton<TokenIssuer>().AddSingleton<Sessions>().AddSingleton<AuditLog>();
        services.AddScoped<TokenGrants>().AddScoped<Register>().AddScoped<CheckCredentials>().AddScoped<RefreshTokens>().AddScoped<ShowProfile>();
        services.AddTransient<PasswordPolicy>().AddTransient<ListSessions>().AddTransient<RevokeSession>();
        services.AddTransient<IValidator<RegisterRequest>, RegisterRequestValidator>();
        services.AddTransient<IValidator<LoginRequest>, LoginRequestValidator>();
        services.AddTransient<IValidator<RefreshRequest>, RefreshRequestValidator>();
        services.AddTransient<IValidator<ProfileUpdate>, ProfileUpdateValidator>();
        services.AddTransient<IValidator<NewApiKey>, NewApiKeyValidator>();
        services.AddTransient<IValidator<ProfileInput>, ProfileInputValidator>();

        services.AddSingleton<AuthCounters>().AddSingleton<AuthThrottle>().AddSingleton<PasswordHashGate>().AddScoped<MfaSignIn>();
        services.AddTransient<TrustedDevice>().AddTransient<TwoFactor>().AddTransient<PersonalData>().AddTransient<ManageMembers>().AddTransient<ListAuditEvents>();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddTransient<SmtpEmailSender>().AddScoped<PasswordReset>().AddTransient<IMailer, Mailer>();
        services.AddOptions<MailOutboxOptions>().BindConfiguration(MailOutboxOptions.Section);
        services.AddSingleton<MailOutbox>().AddHostedService<MailOutboxSender>();
        services.AddRecurringJob<SendQueuedMailJob>(SendQueuedMailJob.Key, TimeSpan.FromSeconds(30));
        services.AddTransient<IValidator<MemberUpdate>, MemberUpdateValidator>();
        services.AddOptions<PlanOptions>().BindConfiguration(PlanOptions.Section);
        services.AddSingleton<KeyEncryption>().AddSingleton<ISecretProtector, SecretProtector>();
        services.AddTransient<KeyRotation>().AddTransient<ISealedColumns, IdentitySealedColumns>().AddTransient<ISealedColumns, KeyRingSealedColumns>();
        // The data-protection key ring (kept in the database by Shared) is sealed with the master key at rest.
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<KeyEncryption>((o, encryption) => o.XmlEncryptor = new KeyRingEncryptor(encryption));
        services.AddHttpContextAccessor();
        services.AddTransient<IExternalSignIn, Features.External.ExternalSignIn>();
        services.AddTransient<IAuditTrail, AuditTrail>().AddTransient<IMemberDirectory, Features.Admin.MemberDirectory>();
        services.AddTransient<ManageApiKeys>().AddTransient<IApiKeyVault>(sp => sp.GetRequiredService<ManageApiKeys>());
        services.AddTransient<UsageQuota>().AddTransient<IUsageQuota>(sp => sp.GetRequiredService<UsageQuota>());
        services.AddTransient<ManageInvitations>().AddTransient<EmailConfirmation>();
        services.AddTransient<PurgeAuditEvents>();
        services.AddSingleton<FirstAdminSetup>().AddHostedService<PrintSetupTokenOnFirstStart>();
        services.AddRecurringJob<PurgeAuditEventsJob>(PurgeAuditEventsJob.Key, TimeSpan.FromHours(6));
        services.AddTransient<ManageProfiles>().AddTransient<IFreelancerProfiles>(sp => sp.GetRequiredService<ManageProfiles>());
        return builder;
    }

    /// <summary>
    /// Middleware of the module, after authentication and before the endpoints: state-changing API calls made with the
    /// browser's cookie must prove they are not a cross-site form (<see cref="CookieApiCsrfGuard"/>).
    /// </summary>
    public static IApplicationBuilder UseIdentityModule(this IApplicationBuilder app) => app.Use(CookieApiCsrfGuard.MiddlewareAsync);

    /// <summary>Maps <c>/api/v1/auth</c> and the browser's sign-out.</summary>
    public static IEndpointRouteBuilder MapIdentityModule(this IEndpointRouteBuilder app)
    {
        var auth = app.MapApiGroup("auth", "Auth");
        auth.MapGet("/password-policy", (PasswordPolicy policy) => ApiResults.Ok(policy.Run()))
            .WithSummary("The password rules a new password must meet");
        auth.MapPost("/register", RegisterAsync).Validate<RegisterRequest>().RequireRateLimiting(AuthenticationSetup.AuthRateLimit)
            .WithSummary("Creates an account and signs it in (the first account becomes the admin)");
        auth.MapPost("/login", LoginAsync).Validate<LoginRequest>().RequireRateLimiting(AuthenticationSetup.AuthRateLimit)
            .WithSummary("Exchanges email and password for an access token (1 h) and a refresh token (7 days)");
        auth.MapPost("/login/mfa", LoginMfaAsync).RequireRateLimiting(AuthenticationSetup.AuthRateLimit)
            .WithSummary("Completes a sign-in that answered mfa_required, with an authenticator or recovery code");
        auth.MapPost("/forgot-password", async (ForgotPasswordRequest request, HttpContext http, PasswordReset reset, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(request.Email))
                    return ApiResults.Error(StatusCodes.Status400BadRequest, "Validation failed: email is required", [new ApiFieldError("email", "email is required")]);
                await reset.RequestAsync(request.Email, http, ct);
                return (IResult)ApiResults.Ok(new { sent = true }, "If an account uses this address, a reset link is on its way");
            })
            .RequireRateLimiting(AuthenticationSetup.AuthRateLimit).WithSummary("E-mails a password reset link (the answer is the same for unknown addresses)");
        auth.MapPost("/reset-password", async (ResetPasswordRequest request, HttpContext http, PasswordReset reset, CancellationToken ct) =>
                await reset.ResetAsync(request.UserId, request.Token ?? "", request.NewPassword ?? "", http, ct) is { Count: > 0 } errors
                    ? ApiResults.Error(StatusCodes.Status400BadRequest, errors[0].Message, errors)
                    : (IResult)ApiResults.Ok(new { reset = true }, "Password changed; every device has been signed out"))
            .RequireRateLimiting(AuthenticationSetup.AuthRateLimit).WithSummary("Sets a new password with the link's token; signs every device out");
        auth.MapPost("/confirm-email", async (ConfirmEmailRequest request, HttpContext http, EmailConfirmation confirmation, CancellationToken ct) =>
                await confirmation.ConfirmAsync(request.UserId, request.Token ?? "", http, ct) is { } error
                    ? ApiResults.Error(StatusCodes.Status400BadRequest, error, [new ApiFieldError("token", error)])
                    : (IResult)ApiResults.Ok(new { confirmed = true }, "E-mail address confirmed: you can sign in"))
            .RequireRateLimiting(AuthenticationSetup.AuthRateLimit).WithSummary("Confirms an e-mail address with the mailed link's token (when Auth:RequireConfirmedEmail is on)");
        auth.MapPost("/resend-confirmation", async (ResendConfirmationRequest request, HttpContext http, EmailConfirmation confirmation, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(request.Email))
                    return ApiResults.Error(StatusCodes.Status400BadRequest, "Validation failed: email is required", [new ApiFieldError("email", "email is required")]);
                await confirmation.ResendAsync(request.Email, http, ct);
                return (IResult)ApiResults.Ok(new { sent = true }, "If this address has an unconfirmed account, a new link is on its way");
            })
            .RequireRateLimiting(AuthenticationSetup.AuthRateLimit).WithSummary("E-mails a new confirmation link (the answer is the same for any address)");
        auth.MapPost("/refresh", RefreshAsync).Validate<RefreshRequest>().RequireRateLimiting(AuthenticationSetup.AuthRateLimit)
            .WithSummary("Spends a refresh token for a new pair; reusing a spent token signs its session out");
        auth.MapPost("/logout", LogoutAsync).RequireAuthorization()
            .WithSummary("Ends the session of the access token");
        auth.MapGet("/profile", async (HttpContext http, ShowProfile profile) =>
                await profile.RunAsync(UserIds.Find(http.User)!.Value) is { } p ? (IResult)ApiResults.Ok(p) : ApiResults.NotFound("Account not found"))
            .RequireAuthorization().WithSummary("The signed-in user's profile");
        auth.MapPut("/profile", async (ProfileUpdate update, HttpContext http, ShowProfile profile, IDbContextFactory<AppDbContext> contexts, CancellationToken ct) =>
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                return await profile.UpdateAsync(db, UserIds.Find(http.User)!.Value, update, http, ct) is { } p
                    ? (IResult)ApiResults.Ok(p, "Profile updated") : ApiResults.NotFound("Account not found");
            })
            .Validate<ProfileUpdate>().RequireAuthorization().WithSummary("Updates the signed-in user's name");
        auth.MapGet("/sessions", async (HttpContext http, ListSessions sessions, CancellationToken ct) =>
                ApiResults.Ok(await sessions.RunAsync(UserIds.Find(http.User)!.Value, SessionClaims.SessionId(http.User), ct)))
            .RequireAuthorization().WithSummary("The signed-in user's active sessions (devices)");
        auth.MapDelete("/sessions/{id:guid}", RevokeSessionAsync).RequireAuthorization()
            .WithSummary("Signs one of your devices out");

        var identity = app.MapApiGroup("identity", "Identity").RequireAuthorization();
        identity.MapGet("/usage", async (HttpContext http, IUsageQuota quota, CancellationToken ct) =>
                ApiResults.Ok(await quota.GetUsageAsync(UserId(http), QuotaFeatures.AiGeneration, ct)))
            .WithSummary("This month's AI generations used and allowed by your plan");
        identity.MapGet("/keys", async (HttpContext http, ManageApiKeys keys, CancellationToken ct) => ApiResults.Ok(await keys.ListAsync(UserId(http), ct)))
            .WithSummary("Your AI keys and the workspace's, masked");
        identity.MapPost("/keys", async (NewApiKey request, HttpContext http, ManageApiKeys keys, CancellationToken ct) =>
                request.Scope == ManageApiKeys.WorkspaceScope && !http.User.IsInRole(Roles.Admin)
                    ? ApiResults.Error(StatusCodes.Status403Forbidden, "Only a workspace admin can set workspace keys")
                    : (IResult)ApiResults.Created(await keys.AddAsync(UserId(http), request, http, ct), "Key saved"))
            .Validate<NewApiKey>().WithSummary("Stores an AI key encrypted (AES-256-GCM); it is never shown again");
        identity.MapDelete("/keys/{id:guid}", async (Guid id, HttpContext http, ManageApiKeys keys, CancellationToken ct) =>
                await keys.DeleteAsync(UserId(http), http.User.IsInRole(Roles.Admin), id, http, ct)
                    ? (IResult)ApiResults.Ok(new { deleted = id }, "Key deleted") : ApiResults.NotFound($"Key {id} was not found"))
            .WithSummary("Deletes one of your keys (admins: or a workspace key)");
        identity.MapPost("/keys/{id:guid}/test", async (Guid id, HttpContext http, ManageApiKeys keys, CancellationToken ct) =>
                await keys.TestAsync(UserId(http), id, ct) is { } result
                    ? (IResult)ApiResults.Ok(new { ok = result.Ok, message = result.Message, models = result.ModelCount }, result.Message)
                    : ApiResults.NotFound($"Key {id} was not found"))
            .RequireRateLimiting(AuthenticationSetup.AuthRateLimit)
            .WithSummary("Tests one of your keys (or a workspace key) by listing the provider's models; answers ok or the provider's reason");
        identity.MapGet("/profiles", async (HttpContext http, ManageProfiles profiles, CancellationToken ct) => ApiResults.Ok(await profiles.ListAsync(UserId(http), ct)))
            .WithSummary("Your freelancer profiles, default first");
        identity.MapGet("/profiles/{id:guid}", async (Guid id, HttpContext http, ManageProfiles profiles, CancellationToken ct) =>
                await profiles.GetAsync(UserId(http), id, ct) is { } p ? (IResult)ApiResults.Ok(p) : ApiResults.NotFound($"Profile {id} was not found"))
            .WithSummary("One of your freelancer profiles");
        identity.MapPost("/profiles", async (ProfileInput input, HttpContext http, ManageProfiles profiles, CancellationToken ct) =>
                ApiResults.Created(await profiles.CreateAsync(UserId(http), input, ct), "Profile created"))
            .Validate<ProfileInput>().WithSummary("Creates a freelancer profile (the first one is the default)");
        identity.MapPut("/profiles/{id:guid}", async (Guid id, ProfileInput input, HttpContext http, ManageProfiles profiles, CancellationToken ct) =>
                await profiles.UpdateAsync(UserId(http), id, input, ct) is { } p ? (IResult)ApiResults.Ok(p, "Profile updated") : ApiResults.NotFound($"Profile {id} was not found"))
            .Validate<ProfileInput>().WithSummary("Replaces one of your freelancer profiles");
        identity.MapDelete("/profiles/{id:guid}", async (Guid id, HttpContext http, ManageProfiles profiles, CancellationToken ct) =>
                await profiles.DeleteAsync(UserId(http), id, ct) ? (IResult)ApiResults.Ok(new { deleted = id }, "Profile deleted") : ApiResults.NotFound($"Profile {id} was not found"))
            .WithSummary("Deletes one of your freelancer profiles");

        identity.MapGet("/audit", async (HttpContext http, ListAuditEvents events, CancellationToken ct) => ApiResults.Ok(await events.ForUserAsync(UserId(http), 100, ct)))
            .WithSummary("Your latest 100 security events (sign-ins, failures, key and session changes)");
        identity.MapGet("/mfa", async (HttpContext http, TwoFactor mfa, CancellationToken ct) => ApiResults.Ok(new { enabled = await mfa.IsEnabledAsync(UserId(http), ct) }))
            .WithSummary("Whether two-factor sign-in is on");
        identity.MapPost("/mfa/setup", async (HttpContext http, TwoFactor mfa, CancellationToken ct) =>
                await mfa.IsEnabledAsync(UserId(http), ct)
                    ? ApiResults.Error(StatusCodes.Status409Conflict, "Two-factor sign-in is already on; turn it off first to change the app")
                    : (IResult)ApiResults.Ok(await mfa.BeginSetupAsync(UserId(http), http.User.FindFirstValue(ClaimTypes.Email) ?? http.User.Identity?.Name ?? "user", ct)))
            .WithSummary("Starts authenticator set-up: a QR code and a manual key");
        identity.MapPost("/mfa/enable", async (MfaCode body, HttpContext http, TwoFactor mfa, CancellationToken ct) =>
                await mfa.EnableAsync(UserId(http), body.Code ?? "", http, ct) is { } codes
                    ? (IResult)ApiResults.Ok(new { recoveryCodes = codes }, "Two-factor sign-in is on. Keep the recovery codes somewhere safe.")
                    : ApiResults.Error(StatusCodes.Status400BadRequest, "The code is not right: check the app's clock and try the current code",
                        [new ApiFieldError("code", "The code is not right")]))
            .WithSummary("Turns two-factor on with a code from the app; returns 10 single-use recovery codes");
        identity.MapPost("/mfa/disable", async (MfaCode body, HttpContext http, TwoFactor mfa, CancellationToken ct) =>
                await mfa.DisableAsync(UserId(http), body.Code ?? "", http, ct)
                    ? (IResult)ApiResults.Ok(new { enabled = false }, "Two-factor sign-in is off")
                    : ApiResults.Error(StatusCodes.Status400BadRequest, "The code is not right", [new ApiFieldError("code", "The code is not right")]))
            .WithSummary("Turns two-factor off (needs a current code or a recovery code)");

        identity.MapGet("/export", async (HttpContext http, PersonalData data, TimeProvider time, CancellationToken ct) =>
                TypedResults.File(await data.ExportAsync(UserId(http), http, ct), "application/zip", $"upwork-assistant-data-{time.GetUtcNow():yyyyMMdd}.zip"))
            .WithSummary("Everything held about you, as a ZIP of JSON files (GDPR access and portability)");
        identity.MapDelete("/account", async ([FromBody] EraseRequest request, HttpContext http, PersonalData data, SignInManager<AppUser> signIn, CancellationToken ct) =>
            {
                if (await data.EraseAsync(UserId(http), request.Password ?? "", http, ct) is { } error)
                    return ApiResults.Error(StatusCodes.Status400BadRequest, error, [new ApiFieldError("password", error)]);
                if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) await signIn.SignOutAsync();
                return (IResult)ApiResults.Ok(new { erased = true }, "Your account and everything in it have been deleted");
            })
            .WithSummary("Deletes your account and every row about you, after you confirm your password (GDPR erasure)");
        identity.MapGet("/privacy", async (HttpContext http, IApiKeyVault vault, CancellationToken ct) =>
            {
                var providers = new List<string> { "Upwork API (only when you connect an account)" };
                foreach (var provider in new[] { "openai", "anthropic", "openai_compatible" })
                    if (await vault.GetAsync(UserId(http), provider, ct) is not null) providers.Add($"{provider} (job text and your profile, to write letters)");
                return ApiResults.Ok(new
                {
                    dataCollected = new[] { "account", "freelancer profiles", "jobs you save or apply to", "proposals", "AI generations", "usage and analytics", "security events" },
                    purposes = new[] { "service provision", "analytics you see on your dashboard", "improving suggestions for you" },
                    retention = "While your account exists; Upwork job content is purged after 24 hours unless you saved or applied to the job.",
                    dataSharing = providers,
                    userRights = new[] { "access", "rectification", "erasure", "portability" },
                    whereItLives = "On the machine that runs this app; nothing is sent anywhere else.",
                });
            })
            .WithSummary("What is collected about you, why, for how long, who it is shared with, and your rights");

        var admin = app.MapApiGroup("identity/admin", "Admin").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        admin.MapGet("/users", async (ManageMembers members, CancellationToken ct) => ApiResults.Ok(await members.ListAsync(ct)))
            .WithSummary("Every member with role, plan, this month's AI usage and state (admins only)");
        admin.MapGet("/audit", async (ListAuditEvents events, CancellationToken ct) => ApiResults.Ok(await events.ForWorkspaceAsync(200, ct)))
            .WithSummary("The workspace's latest 200 security events (admins only)");
        admin.MapPut("/users/{id:guid}", async (Guid id, MemberUpdate update, HttpContext http, ManageMembers members, CancellationToken ct) =>
                await members.UpdateAsync(UserId(http), id, update, http, ct) switch
                {
                    { Found: false } => ApiResults.NotFound($"User {id} was not found"),
                    { Error: { } error } => ApiResults.Error(StatusCodes.Status400BadRequest, error, [new ApiFieldError("isActive", error)]),
                    _ => (IResult)ApiResults.Ok(new { updated = id }, "Member updated"),
                })
            .Validate<MemberUpdate>().WithSummary("Sets a member's plan, or deactivates them (signs them out everywhere) (admins only)");

        admin.MapGet("/registration", async (ManageInvitations invitations, CancellationToken ct) =>
                ApiResults.Ok(new RegistrationSetting(await invitations.IsRegistrationOpenAsync(ct))))
            .WithSummary("Whether anyone may register (admins only)");
        admin.MapPut("/registration", async (RegistrationSetting setting, HttpContext http, ManageInvitations invitations, CancellationToken ct) =>
            {
                await invitations.SetRegistrationOpenAsync(UserId(http), setting.OpenRegistration, http, ct);
                return ApiResults.Ok(setting, setting.OpenRegistration ? "Registration is open" : "Registration is closed: invitation links still work");
            })
            .WithSummary("Opens or closes registration; the stored choice wins over Auth:OpenRegistration (admins only)");
        admin.MapGet("/invitations", async (ManageInvitations invitations, CancellationToken ct) => ApiResults.Ok(await invitations.ListAsync(ct)))
            .WithSummary("The latest 50 invitation links: open, used or expired (admins only)");
        admin.MapPost("/invitations", async (NewInvitationRequest request, HttpContext http, ManageInvitations invitations, CancellationToken ct) =>
            {
                var days = request.ExpiresInDays ?? (int)ManageInvitations.DefaultLifetime.TotalDays;
                if (days is < 1 or > 30)
                    return ApiResults.Error(StatusCodes.Status400BadRequest, "expiresInDays must be between 1 and 30", [new ApiFieldError("expiresInDays", "expiresInDays must be between 1 and 30")]);
                var invitation = await invitations.CreateAsync(UserId(http), TimeSpan.FromDays(days), http, ct);
                var origin = $"{http.Request.Scheme}://{http.Request.Host}";
                return (IResult)ApiResults.Created(invitation with { Link = origin + invitation.Link }, "Invitation created: the link works once");
            })
            .WithSummary("Creates a single-use invitation link that expires (1–30 days, default 7) (admins only)");

        app.MapPost("/account/logout", async (HttpContext http, SignInManager<AppUser> signIn, Sessions sessions, AuditLog audit,
                IDbContextFactory<AppDbContext> contexts, [FromForm] string? returnUrl) =>
            {
                if (UserIds.Find(http.User) is { } userId && SessionClaims.SessionId(http.User) is { } sessionId)
                {
                    await using var db = await contexts.CreateDbContextAsync(http.RequestAborted);
                    await sessions.RevokeAsync(db, userId, sessionId, "signed out", http.RequestAborted);
                    audit.Add(db, userId, AuditLog.SignedOut, null, http);
                    await db.SaveChangesAsync(http.RequestAborted);
                    // This tab is already on its way to the sign-in page; a forced reload would race that redirect.
                    await sessions.ForgetAsync(userId, sessionId, http.RequestAborted, signOutOpenPages: false);
                }
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("/account/login?signedOut=1");
            })
            .RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Re-seals every registered sealed column (every module's <see cref="ISealedColumns"/>) under
    /// <c>Security:ActiveKeyVersion</c> and reports what remains on older versions (the <c>rotate-keys</c> command).
    /// </summary>
    public static async Task<KeyRotationReport> RotateEncryptionKeysAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KeyRotation>().RotateAsync(ct);
    }

    private static Guid UserId(HttpContext http) => UserIds.Find(http.User)!.Value;

    private static async Task<IResult> RegisterAsync(RegisterRequest request, HttpContext http, Register register, TokenGrants grants,
        EmailConfirmation confirmation, IDbContextFactory<AppDbContext> contexts, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var outcome = await register.RunAsync(db, request, http, ct);
        if (outcome.RegistrationClosed) return ApiResults.Error(StatusCodes.Status403Forbidden, outcome.ClosedReason!);
        if (outcome.User is null)
            return outcome.Conflict
                ? ApiResults.Error(StatusCodes.Status409Conflict, "An account with this email already exists", outcome.Errors)
                : ApiResults.ValidationFailed(outcome.Errors);
        if (confirmation.Required)
        {
            await confirmation.SendAsync(outcome.User, http, ct);
            return ApiResults.Created(new { userId = outcome.User.Id, email = outcome.User.Email, confirmationRequired = true },
                "Account created: confirm your e-mail address with the link we sent, then sign in");
        }
        return ApiResults.Created(await grants.StartSessionAsync(db, outcome.User, http, ct), "Account created");
    }

    private static async Task<IResult> LoginAsync(LoginRequest request, HttpContext http, CheckCredentials credentials, TokenGrants grants,
        TwoFactor mfa, IDbContextFactory<AppDbContext> contexts, TimeProvider time, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var check = await credentials.RunAsync(db, request.Email, request.Password, http, ct);
        if (check.Status == CredentialStatus.Valid && await mfa.IsEnabledAsync(check.User!.Id, ct))
            return ApiResults.Ok(new MfaChallenge("mfa_required", mfa.IssueChallenge(check.User.Id), 300),
                "mfa_required: send a code from your authenticator app to /api/v1/auth/login/mfa");
        return check.Status switch
        {
            CredentialStatus.Valid => ApiResults.Ok(await grants.StartSessionAsync(db, check.User!, http, ct), "Signed in"),
            CredentialStatus.LockedOut => ApiResults.Error(StatusCodes.Status423Locked, check.Message(time)),
            CredentialStatus.Deactivated or CredentialStatus.NotAllowed => ApiResults.Error(StatusCodes.Status403Forbidden, check.Message(time)),
            CredentialStatus.Throttled => TooManyAttempts(http, check.Message(time)),
            CredentialStatus.Busy => Busy(http, check.Message(time)),
            _ => ApiResults.Error(StatusCodes.Status401Unauthorized, check.Message(time)),
        };
    }

    private static async Task<IResult> LoginMfaAsync(MfaLogin request, HttpContext http, MfaSignIn mfa, TokenGrants grants,
        IDbContextFactory<AppDbContext> contexts, TimeProvider time, CancellationToken ct)
    {
        var result = await mfa.RunAsync(request.ChallengeToken, request.Code, http, ct);
        switch (result.Outcome)
        {
            case MfaOutcome.Passed:
                await using (var db = await contexts.CreateDbContextAsync(ct))
                    return ApiResults.Ok(await grants.StartSessionAsync(db, result.User!, http, ct), "Signed in");
            case MfaOutcome.WrongCode:
                return ApiResults.Error(StatusCodes.Status401Unauthorized, "The code is not right, or was already used", [new ApiFieldError("code", "The code is not right")]);
            case MfaOutcome.LockedOut:
                return ApiResults.Error(StatusCodes.Status423Locked, result.Message(time));
            case MfaOutcome.Throttled:
                return TooManyAttempts(http, result.Message(time));
            case MfaOutcome.Inactive:
                return ApiResults.Error(StatusCodes.Status403Forbidden, result.Message(time));
            default:
                return ApiResults.Error(StatusCodes.Status401Unauthorized, "The sign-in challenge is invalid, has expired or had too many wrong codes: sign in again");
        }
    }

    private static IResult TooManyAttempts(HttpContext http, string message)
    {
        http.Response.Headers.RetryAfter = "60";
        return ApiResults.Error(StatusCodes.Status429TooManyRequests, message);
    }

    private static IResult Busy(HttpContext http, string message)
    {
        http.Response.Headers.RetryAfter = PasswordHashGate.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ApiResults.Error(StatusCodes.Status503ServiceUnavailable, message);
    }

    private static async Task<IResult> RefreshAsync(RefreshRequest request, HttpContext http, RefreshTokens refresh, IDbContextFactory<AppDbContext> contexts, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (result, error) = await refresh.RunAsync(db, request.RefreshToken, http, ct);
        return result is not null ? ApiResults.Ok(result, "Tokens refreshed") : ApiResults.Error(StatusCodes.Status401Unauthorized, error!);
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, Sessions sessions, AuditLog audit, IDbContextFactory<AppDbContext> contexts, CancellationToken ct)
    {
        var userId = UserIds.Find(http.User)!.Value;
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (SessionClaims.SessionId(http.User) is { } sessionId && await sessions.RevokeAsync(db, userId, sessionId, "signed out", ct))
        {
            audit.Add(db, userId, AuditLog.SignedOut, null, http);
            await db.SaveChangesAsync(ct);
            await sessions.ForgetAsync(userId, sessionId, ct);
        }
        return ApiResults.Ok(new { signedOut = true }, "Signed out");
    }

    // Someone else's session id answers exactly like a missing one: ids reveal nothing.
    private static async Task<IResult> RevokeSessionAsync(Guid id, HttpContext http, RevokeSession revoke, CancellationToken ct) =>
        await revoke.RunAsync(UserIds.Find(http.User)!.Value, id, http, ct)
            ? ApiResults.Ok(new { revoked = id }, "Session signed out")
            : ApiResults.NotFound($"Session {id} was not found");
}
