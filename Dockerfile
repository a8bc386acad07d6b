# syntax=docker/dockerfile:1
# Upwork AI Assistant: one container. SQLite under /data by default; set Database__Provider=Postgres and
# ConnectionStrings__Postgres (and optionally Redis__Connection) for production. See README.md.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so source edits do not invalidate the package layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig appsettings*.json ./
COPY src/Contracts/Contracts.csproj src/Contracts/
COPY src/Shared/Shared.csproj src/Shared/
COPY src/Modules.Identity/Modules.Identity.csproj src/Modules.Identity/
COPY src/Modules.Upwork/Modules.Upwork.csproj src/Modules.Upwork/
COPY src/Modules.Ai/Modules.Ai.csproj src/Modules.Ai/
COPY src/Modules.Analytics/Modules.Analytics.csproj src/Modules.Analytics/
COPY src/App/UpworkAssistant.App.csproj src/App/
RUN dotnet restore src/App/UpworkAssistant.App.csproj -r linux-x64
COPY src/ src/
# ReadyToRun: precompiled code starts about a second sooner (bench/startup.sh measures it).
RUN dotnet publish src/App/UpworkAssistant.App.csproj -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o /app --no-restore /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Database__DataDirectory=/data \
    DOTNET_gcServer=0
COPY --from=build /app ./
# The image's non-root 'app' user owns the data volume (SQLite file, data-protection keys).
RUN mkdir -p /data && chown "$APP_UID" /data
USER $APP_UID
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=6s --start-period=20s --retries=3 \
  CMD ["dotnet", "UpworkAssistant.App.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "UpworkAssistant.App.dll"]
