using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser;

namespace FakeUpwork.GraphQl;

/// <summary>A request-level refusal raised during validation (scopes, bad-faith introspection): no data, one error.</summary>
internal sealed class FakeAbortError(ROM query, string classification, string message) : ValidationError(query, null, message)
{
    public string Classification { get; } = classification;
}

/// <summary>An execution error with a graphql-java classification.</summary>
internal sealed class FakeExecutionError(string message, string classification = "DataFetchingException") : ExecutionError(message)
{
    public string Classification { get; } = classification;
}

/// <summary>
/// Shapes errors like graphql-java does (docs/upwork-api.md §2.1): <c>message</c>, <c>locations</c>, <c>path</c> and
/// <c>extensions.classification</c> only. Validation messages get the "Validation error of type X: " prefix.
/// </summary>
internal sealed class ErrorShaper : IErrorInfoProvider
{
    private static readonly Dictionary<string, string> JavaValidationTypes = new(StringComparer.Ordinal)
    {
        ["FIELDS_ON_CORRECT_TYPE"] = "FieldUndefined",
        ["KNOWN_ARGUMENT_NAMES"] = "UnknownArgument",
        ["PROVIDED_REQUIRED_ARGUMENTS"] = "MissingFieldArgument",
        ["PROVIDED_NON_NULL_ARGUMENTS"] = "MissingFieldArgument",
        ["SCALAR_LEAFS"] = "SubselectionRequired",
        ["ARGUMENTS_OF_CORRECT_TYPE"] = "WrongType",
        ["VARIABLES_IN_ALLOWED_POSITION"] = "VariableTypeMismatch",
        ["NO_UNDEFINED_VARIABLES"] = "UndefinedVariable",
        ["NO_UNUSED_VARIABLES"] = "UnusedVariable",
        ["NO_UNUSED_FRAGMENTS"] = "UnusedFragment",
        ["KNOWN_FRAGMENT_NAMES"] = "UndefinedFragment",
        ["KNOWN_TYPE_NAMES"] = "UnknownType",
        ["KNOWN_DIRECTIVES"] = "UnknownDirective",
        ["LONE_ANONYMOUS_OPERATION"] = "LoneAnonymousOperationViolation",
        ["UNIQUE_OPERATION_NAMES"] = "DuplicateOperationName",
        ["UNIQUE_ARGUMENT_NAMES"] = "DuplicateArgumentNames",
        ["UNIQUE_VARIABLE_NAMES"] = "DuplicateVariableName",
        ["VARIABLES_ARE_INPUT_TYPES"] = "NonInputTypeOnVariable",
        ["OVERLAPPING_FIELDS_CAN_BE_MERGED"] = "FieldsConflict",
        ["INVALID_VALUE"] = "WrongType",
        ["NO_FRAGMENT_CYCLES"] = "FragmentCycle",
        ["POSSIBLE_FRAGMENT_SPREADS"] = "InvalidFragmentType",
        ["FRAGMENTS_ON_COMPOSITE_TYPES"] = "InlineFragmentTypeConditionInvalid",
    };

    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        ArgumentNullException.ThrowIfNull(executionError);
        string classification;
        var message = executionError.Message;
        switch (executionError)
        {
            case FakeAbortError abort:
                classification = abort.Classification;
                break;
            case FakeExecutionError fake:
                classification = fake.Classification;
                break;
            case SyntaxError:
                classification = "InvalidSyntax";
                message = "Invalid Syntax : " + message;
                break;
            case ValidationError validation:
                classification = "ValidationError";
                message = $"Validation error of type {JavaType(validation)}: {message}";
                break;
            default:
                classification = "DataFetchingException";
                break;
        }

        return new ErrorInfo
        {
            Message = message,
            Extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["classification"] = classification },
        };
    }

    private static string JavaType(ValidationError error)
    {
        var code = error.Code ?? "";
        if (code == "ARGUMENTS_OF_CORRECT_TYPE" && error.Message.Contains("found null", StringComparison.Ordinal))
        {
            return "NullValueForNonNullArgument";
        }

        if (code == "SCALAR_LEAFS" && error.Message.Contains("must not have a selection", StringComparison.Ordinal))
        {
            return "SubselectionNotAllowed";
        }

        if (JavaValidationTypes.TryGetValue(code, out var known))
        {
            return known;
        }

        return string.Concat(code.Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part[..1] + part[1..].ToLowerInvariant()));
    }
}
