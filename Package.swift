// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "DataForge",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dataforge-fcgi", targets: ["Handlers"]),
        .executable(name: "dataforge-consumer", targets: ["QueueConsumer"]),
        .executable(name: "dataforge", targets: ["DataForgeCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Jinja-like prompt templates (Shared/Templates); pinned: undeclared variables are found by walking
        // its parsed nodes, and a test keeps that walk honest.
        .package(url: "https://github.com/stencilproject/Stencil", exact: "0.15.1"),
    ],
    targets: [
        // C libraries: module maps only; the Swift wrappers live in Shared/Database, Shared/Providers/HTTP
        // and Handlers/Host, and nothing else imports these.
        .systemLibrary(
            name: "CLibPQ", pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]),
        .systemLibrary(
            name: "CFastCGI", pkgConfig: "fcgi",
            providers: [.apt(["libfcgi-dev"])]),
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(
            name: "Shared",
            dependencies: [
                "CLibPQ", "CCurl",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Stencil", package: "Stencil"),
            ]),
        .executableTarget(
            name: "Handlers",
            dependencies: ["Shared", "CFastCGI", .product(name: "Logging", package: "swift-log")]),
        .executableTarget(
            name: "QueueConsumer",
            dependencies: ["Shared", .product(name: "Logging", package: "swift-log")]),
        .executableTarget(
            name: "DataForgeCLI",
            dependencies: [
                "Shared",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(name: "SharedTests", dependencies: ["Shared"]),
        .testTarget(name: "HandlersTests", dependencies: ["Handlers", "Shared"]),
        .testTarget(name: "QueueConsumerTests", dependencies: ["QueueConsumer", "Shared"]),
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["Shared", "QueueConsumer", .product(name: "Logging", package: "swift-log")]),
    ]
)
