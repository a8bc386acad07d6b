using System.Text.Json;
using FluentValidation;

namespace Shared.Api;

/// <summary>
/// Runs the FluentValidation validator for the endpoint's <typeparamref name="T"/> argument and answers 400 in the
/// envelope, one <see cref="ApiFieldError"/> per failure with the field named as the client spells it (camelCase).
/// </summary>
internal sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var argument = context.Arguments.OfType<T>().FirstOrDefault();
        if (argument is null) return ApiResults.Error(StatusCodes.Status400BadRequest, "The request is missing its body or parameters");
        var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
        if (result.IsValid) return await next(context);
        var errors = result.Errors.Select(e => new ApiFieldError(ClientName(e.PropertyName), e.ErrorMessage)).ToList();
        return ApiResults.ValidationFailed(errors);
    }

    internal static string ClientName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
