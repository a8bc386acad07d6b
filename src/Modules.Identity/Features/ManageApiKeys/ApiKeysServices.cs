using Contracts.Identity;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Modules.Identity.Security;
using Shared.Security;

namespace Modules.Identity.Features.ManageApiKeys;

internal static class ApiKeysServices
{
    /// <summary>AI keys sealed at rest, the master key that seals them (and the data-protection key ring), and key rotation.</summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.AddSingleton<KeyEncryption>().AddSingleton<ISecretProtector, SecretProtector>();
        services.AddTransient<KeyRotation>().AddTransient<ISealedColumns, IdentitySealedColumns>().AddTransient<ISealedColumns, KeyRingSealedColumns>();
        // The data-protection key ring (kept in the database by Shared) is sealed with the master key at rest.
        services.AddOptions<KeyManagementOptions>()
            .Configure<KeyEncryption>((o, encryption) => o.XmlEncryptor = new KeyRingEncryptor(encryption));
        services.AddTransient<ManageApiKeys>().AddTransient<IApiKeyVault>(sp => sp.GetRequiredService<ManageApiKeys>());
        services.AddTransient<IValidator<NewApiKey>, NewApiKeyValidator>();
        return services;
    }
}
