#pragma once

#include <QWidget>

#include <memory>

class Document;

/// Simulation tab: follows the Document; no domain logic here.
class SimulationView : public QWidget {
    Q_OBJECT
public:
    explicit SimulationView(Document *doc, QWidget *parent = nullptr);
    ~SimulationView() override;

private:
    Document *m_doc = nullptr;
};
