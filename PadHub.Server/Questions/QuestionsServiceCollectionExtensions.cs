using Microsoft.Extensions.DependencyInjection.Extensions;
using PadHub.Components.Contracts.Questions;

namespace PadHub.Server.Questions;

public static class QuestionsServiceCollectionExtensions
{
    /// <summary>Registers the audience questions: <see cref="IQuestionService"/> and its options (<c>PadHub:Questions</c>, validated at start).</summary>
    public static IServiceCollection AddPadHubQuestions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<QuestionOptions>()
            .Bind(configuration.GetSection(QuestionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<QuestionService>();
        services.TryAddSingleton<IQuestionService>(sp => sp.GetRequiredService<QuestionService>());
        return services;
    }
}
