// Test runner for widget tests: a QApplication (offscreen in CTest) so that real windows can be built.
#define CATCH_CONFIG_RUNNER
#include <QApplication>

#include <catch2/catch.hpp>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
