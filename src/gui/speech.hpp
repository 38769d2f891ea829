#pragma once
// Read-aloud of lines through espeak-ng, when it is installed. Never blocks the interface: the
// speech runs in a child process; a new line stops the previous one.
#include <string>

namespace salesdojo::gui {

class Speech {
public:
    Speech();
    ~Speech();
    Speech(const Speech&) = delete;
    Speech& operator=(const Speech&) = delete;

    bool available() const { return m_available; }  // espeak-ng found on PATH
    void speak(const std::string& text, const std::string& language);  // "nl" or "en"
    void stop();

private:
    bool m_available = false;
    long m_child = -1;  // pid of the running espeak-ng, or -1
};

}  // namespace salesdojo::gui
